"""The CAD: the pairing screen until paired, then the logger and the views."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from app.host.context import ExperienceContext
from app.ui.history_notice import HistoryNotice
from app.ui.scrolling_page import scrolling
from cad.log.logger import CadLogger
from cad.pairing_memory import PairingMemory, default_db_path
from cad.pairing_rules import CadPairing, Turn
from cad.screens.device import DeviceView
from cad.screens.feed import FeedView
from cad.screens.paired import (
    ExportView,
    HistoryView,
    LiveView,
    LoggerRef,
    TariffView,
)
from cad.screens.pairing import PairingScreen
from han.model import ModelChange

CONTEXT = "CadShell"
HISTORY_REFRESH_MS = 30_000


class CadShell(QWidget):
    def __init__(
        self,
        context: ExperienceContext,
        *,
        memory: PairingMemory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.db_path = default_db_path()
        self.rules = CadPairing(context, memory)
        self.flow = self.rules.flow
        self.feed_control = self.rules.feed_control
        self.logger_ref = LoggerRef(context)
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.pairing = PairingScreen(self.flow)
        self.pairing.paired.connect(self._on_paired)
        # Large text, Welsh, a long outcome: the pairing steps scroll rather than squeeze.
        self.pairing_page = scrolling(self.pairing)
        self.stack.addWidget(self.pairing_page)

        main = QWidget()
        main_layout = QVBoxLayout(main)
        self.status = QLabel()
        main_layout.addWidget(self.status)
        self.log_notice = (
            HistoryNotice()
        )  # says so when the log is not being kept, or was set aside
        main_layout.addWidget(self.log_notice)
        self.tabs = QTabWidget()
        self.live = LiveView(context)
        self.history = HistoryView(self.logger_ref)
        self.tariff = TariffView(context)
        self.export = ExportView(self.logger_ref)
        self.feed = FeedView(self.feed_control)
        self.device = DeviceView(self.flow, self.unpair)
        for view in (self.live, self.history, self.tariff, self.export, self.feed, self.device):
            self.tabs.addTab(view, "")
        main_layout.addWidget(self.tabs, 1)
        self.stack.addWidget(main)
        self.main = main

        self._refresh_pending = False
        self._unsubscribe = context.model.subscribe(self._model_changed)
        self._history_timer = QTimer(self)
        self._history_timer.setInterval(HISTORY_REFRESH_MS)
        self._history_timer.timeout.connect(lambda: self.logger_ref.schedule(self.history.reload()))
        self.tabs.currentChanged.connect(self._tab_changed)
        self._closed = False
        self.retranslate()
        if self.flow.restore():
            QTimer.singleShot(0, self, self._on_paired)
        else:
            self.pairing.show_notice(self.flow.notice)

    @property
    def is_paired(self) -> bool:
        return self.stack.currentWidget() is self.main

    @property
    def logger(self) -> CadLogger | None:
        return self.logger_ref.logger

    def retranslate(self) -> None:
        for index, text in enumerate(
            (
                QCoreApplication.translate("CadShell", "Live"),
                QCoreApplication.translate("CadShell", "History"),
                QCoreApplication.translate("CadShell", "Tariff and cost"),
                QCoreApplication.translate("CadShell", "Export"),
                QCoreApplication.translate("CadShell", "Feed"),
                QCoreApplication.translate("CadShell", "This CAD"),
            )
        ):
            self.tabs.setTabText(index, text)
        self.status.setText(
            QCoreApplication.translate(
                "CadShell", "Consumer Access Device – read-only; it keeps a log"
            )
        )
        self.status.setToolTip(str(self.db_path))
        self.live.retranslate()
        self.history.retranslate()
        self.tariff.retranslate()
        self.export.retranslate()
        self.feed.retranslate()
        self.device.retranslate()
        self.pairing.retranslate()

    def _on_paired(self) -> None:
        if self.is_paired or self._closed:
            return
        self.stack.setCurrentWidget(self.main)
        logger = self.rules.logger(self.db_path)
        if logger is not None:
            self.logger_ref.logger = logger
            self.log_notice.follow(logger.health)
            self.logger_ref.schedule(logger.start())
        self._history_timer.start()
        self.rules.now_paired()
        self.device.refresh()
        self.refresh()

    def unpair(self) -> None:
        """The person asked: leave the hub's device log, keep the log, show the pairing screen."""
        self.flow.unpair()
        self._back_to_pairing()

    def _back_to_pairing(self) -> None:
        self._history_timer.stop()
        self.rules.now_unpaired()
        logger, self.logger_ref.logger = self.logger_ref.logger, None
        if logger is not None:
            self.log_notice.unfollow()
            self.logger_ref.schedule(logger.stop())
        self.pairing.show_notice(self.flow.notice)
        self.stack.setCurrentWidget(self.pairing_page)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.history:
            self.logger_ref.schedule(self.history.reload())

    def _model_changed(self, change: ModelChange) -> None:
        turn = self.rules.turn(change, paired=self.is_paired)
        if turn is Turn.HUB_REPLACED:
            QTimer.singleShot(0, self, self._back_to_pairing)
            return
        if turn is Turn.PAIRED:
            QTimer.singleShot(0, self, self._on_paired)
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self, self._refresh_now)

    def _refresh_now(self) -> None:
        self._refresh_pending = False
        self.refresh()

    def refresh(self) -> None:
        if self.is_paired:
            self.live.refresh()
            self.tariff.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    async def aclose(self) -> None:
        """End the logger and every task of the views (the host awaits this before closing)."""
        self._closed = True
        self._history_timer.stop()
        self.rules.close()
        tasks = list(self.logger_ref.tasks) + list(self.pairing.tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        logger, self.logger_ref.logger = self.logger_ref.logger, None
        if logger is not None:
            await logger.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self._history_timer.stop()
        self.feed_control.stop()
        self._unsubscribe()
        self.log_notice.unfollow()
        super().closeEvent(event)
