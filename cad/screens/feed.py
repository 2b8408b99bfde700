"""The CAD's Feed tab: where to publish the local MQTT feed, and whether it is getting there.

The state is written in words with a leading mark (● connected, … connecting, ⚠ a problem,
○ off) so it never depends on colour alone. A setting that cannot be used is named and nothing is
saved; a disk that refuses the file is reported and the old settings stay in force.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.said import Said
from app.wording import fill
from cad.feed.control import FeedControl
from cad.feed.ha_discovery import availability_topic
from cad.feed.mqtt import FeedStatus
from cad.feed.settings import DEFAULT_PORT, DEFAULT_PREFIX, FeedSettings, FeedSettingsError


class FeedView(QWidget):
    def __init__(self, control: FeedControl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.control = control
        layout = QVBoxLayout(self)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        form = QFormLayout()
        self.host = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.prefix = QLineEdit()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.discovery = QCheckBox()
        self.tls = QCheckBox()
        self.ca_file = QLineEdit()
        self.captions = [QLabel() for _ in range(4)]
        broker, login = QHBoxLayout(), QHBoxLayout()
        broker.addWidget(self.host, 3)
        broker.addWidget(self.port, 1)
        login.addWidget(self.username)
        login.addWidget(self.password)
        form.addRow(self.captions[0], broker)
        form.addRow(self.captions[1], self.prefix)
        form.addRow(self.captions[2], login)
        form.addRow(self.captions[3], self.ca_file)
        for caption, buddy in zip(
            self.captions, (self.host, self.prefix, self.username, self.ca_file), strict=True
        ):
            caption.setBuddy(buddy)
        checks = QHBoxLayout()
        checks.addWidget(self.tls)
        checks.addWidget(self.discovery)
        checks.addStretch(1)
        form.insertRow(2, checks)
        # Room on 800×480: the CA row is there only for TLS, the only time it means anything.
        self.tls.toggled.connect(lambda on: form.setRowVisible(self.ca_file, on))
        self.tls.toggled.connect(self.ca_file.setEnabled)
        self._form = form
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.save = QPushButton()
        self.save.clicked.connect(self.apply)
        self.off = QPushButton()
        self.off.clicked.connect(self.turn_off)
        buttons.addWidget(self.save)
        buttons.addWidget(self.off)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("feedStatus")
        layout.addWidget(self.status)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("feedMessage")
        self.said = Said(self.message)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._load_fields()
        # The shell owns the control and this view together, so neither outlives the other.
        control.subscribe(lambda _status: self.show_status())
        self.retranslate()

    def retranslate(self) -> None:
        self.explanation.setText(
            QCoreApplication.translate(
                "CadFeed",
                "Publish the readings to an MQTT broker, in the topics smart-meter tools use.",
            )
        )
        for caption, text in zip(
            self.captions,
            (
                QCoreApplication.translate("CadFeed", "Broker and port"),
                QCoreApplication.translate("CadFeed", "Topic prefix"),
                QCoreApplication.translate("CadFeed", "Log-in (optional)"),
                QCoreApplication.translate("CadFeed", "CA certificate (optional)"),
            ),
            strict=True,
        ):
            caption.setText(text)
        self.username.setPlaceholderText(QCoreApplication.translate("CadFeed", "user name"))
        self.password.setPlaceholderText(QCoreApplication.translate("CadFeed", "password"))
        for field, name in (
            (self.host, QCoreApplication.translate("CadFeed", "Broker host")),
            (self.port, QCoreApplication.translate("CadFeed", "Port")),
            (self.username, QCoreApplication.translate("CadFeed", "User name (optional)")),
            (self.password, QCoreApplication.translate("CadFeed", "Password (optional)")),
        ):
            field.setAccessibleName(name)
        self.discovery.setText(
            QCoreApplication.translate("CadFeed", "Announce the sensors to Home Assistant")
        )
        self.tls.setText(QCoreApplication.translate("CadFeed", "Encrypt (TLS)"))
        self.ca_file.setPlaceholderText(
            QCoreApplication.translate("CadFeed", "the broker's CA file; empty: the system's")
        )
        self.save.setText(QCoreApplication.translate("CadFeed", "Save and connect"))
        self.off.setText(QCoreApplication.translate("CadFeed", "Turn the feed off"))
        self.show_status()
        self.said.again()

    def _load_fields(self) -> None:
        settings = self.control.settings
        self.host.setText(settings.host if settings else "")
        self.port.setValue(settings.port if settings else DEFAULT_PORT)
        self.prefix.setText(settings.prefix if settings else DEFAULT_PREFIX)
        self.username.setText(settings.username if settings else "")
        self.password.setText(settings.password if settings else "")
        self.discovery.setChecked(settings.discovery if settings else True)
        self.tls.setChecked(settings.tls if settings else False)
        self.ca_file.setText(settings.ca_file if settings else "")
        self.ca_file.setEnabled(self.tls.isChecked())
        self._form.setRowVisible(self.ca_file, self.tls.isChecked())

    def apply(self) -> None:
        wanted = FeedSettings(
            host=self.host.text(),
            port=self.port.value(),
            prefix=self.prefix.text(),
            username=self.username.text(),
            password=self.password.text(),
            discovery=self.discovery.isChecked(),
            tls=self.tls.isChecked(),
            ca_file=self.ca_file.text() if self.tls.isChecked() else "",
        )
        try:
            self.control.apply(wanted)
        except FeedSettingsError as error:
            refused = error
            self.said.say(
                lambda: (
                    "⚠ "
                    + self._problem(refused)
                    + " "
                    + QCoreApplication.translate("CadFeed", "Nothing was changed.")
                )
            )
            return
        except OSError as error:
            why = error.strerror or str(error)
            self.said.say(
                lambda: (
                    "⚠ "
                    + fill(
                        QCoreApplication.translate("CadFeed", "Could not save the settings (%1)."),
                        why,
                    )
                    + " "
                    + QCoreApplication.translate("CadFeed", "Nothing was changed.")
                )
            )
            return
        self.said.say(lambda: QCoreApplication.translate("CadFeed", "Saved."))

    def turn_off(self) -> None:
        try:
            self.control.turn_off()
        except OSError as error:
            why = str(error)
            self.said.say(
                lambda: (
                    "⚠ "
                    + fill(
                        QCoreApplication.translate("CadFeed", "Could not save the settings (%1)."),
                        why,
                    )
                )
            )
            return
        self.said.say(lambda: QCoreApplication.translate("CadFeed", "The feed is off."))

    def _problem(self, error: FeedSettingsError) -> str:
        if error.field == "host":
            return QCoreApplication.translate(
                "CadFeed", "The broker host must be a name or address, such as 192.168.1.20."
            )
        if error.field == "ca_file":
            return QCoreApplication.translate(
                "CadFeed", "There is no CA certificate file at that path."
            )
        if error.field == "port":
            return QCoreApplication.translate(
                "CadFeed", "The port must be a number from 1 to 65535."
            )
        return QCoreApplication.translate(
            "CadFeed", "The topic prefix must be a plain topic such as glow, without + or #."
        )

    def show_status(self) -> None:
        control = self.control
        settings = control.settings
        if control.problem:
            text = "⚠ " + QCoreApplication.translate(
                "CadFeed", "The saved feed settings are damaged; the feed is off until you save."
            )
        elif settings is None:
            text = "○ " + QCoreApplication.translate("CadFeed", "Off – set a broker to publish.")
        elif control.status is FeedStatus.CONNECTED:
            text = "● " + fill(
                QCoreApplication.translate(
                    "CadFeed", "Publishing to %1:%2 under %3 (availability on %4)."
                ),
                settings.host,
                str(settings.port),
                f"{settings.prefix}/…",
                availability_topic(settings.prefix, "…"),
            )
        elif control.status is FeedStatus.UNREACHABLE:
            text = "⚠ " + fill(
                QCoreApplication.translate(
                    "CadFeed",
                    "Cannot reach the broker at %1:%2; trying again. Check it is running.",
                ),
                settings.host,
                str(settings.port),
            )
        elif control.status is FeedStatus.CONNECTING:
            text = "… " + fill(
                QCoreApplication.translate("CadFeed", "Connecting to %1:%2…"),
                settings.host,
                str(settings.port),
            )
        else:
            text = "○ " + QCoreApplication.translate(
                "CadFeed", "The feed starts once the CAD is paired."
            )
        self.status.setText(text)
