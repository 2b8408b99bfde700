"""The Tariff screen: for each fuel the price now (and its band), the next price and when it starts,
the standing charge; below, today's electricity prices as 48 half-hour bars (the one now chosen)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from app.host.context import ExperienceContext
from app.ui.announce import announce
from app.ui.chart import BarChart
from app.ui.i18n import QT_WORDING
from app.ui.labels import mark_stale, role_label
from app.ui.theme import Theme
from han.model import Field, Fuel, ModelChange
from ihd.screen import IhdScreen, Navigator
from ihd.view_models.chart_ticks import half_hour_ticks
from ihd.view_models.chart_words import prices_summary
from ihd.view_models.tariff import TariffPage, TariffViewModel, Timeline

translate = QCoreApplication.translate


class FuelCard(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.caption = role_label("heading")
        self.price = role_label("value-small")
        self.band = role_label()
        self.next_price = role_label()
        self.standing = role_label("caption")
        self.note = role_label("caption")
        layout = QVBoxLayout(self)
        layout.setSpacing(1)
        layout.setContentsMargins(10, 6, 10, 6)
        for label in (
            self.caption,
            self.price,
            self.band,
            self.next_price,
            self.standing,
            self.note,
        ):
            layout.addWidget(label)


class TariffScreen(IhdScreen):
    tick_ms = 5000  # the current half hour moves without events

    def __init__(
        self,
        context: ExperienceContext,
        navigator: Navigator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, navigator, parent)
        self.setObjectName("ihd-tariff")
        self._view_model = TariffViewModel(context.model, QT_WORDING)
        self.cards = {fuel: FuelCard() for fuel in Fuel}
        self.waiting = role_label("message")
        cards = QHBoxLayout()
        cards.setSpacing(8)
        for card in self.cards.values():
            cards.addWidget(card, 1)
        self.timeline_caption = role_label("caption")
        self.timeline = BarChart()
        self.timeline.setMinimumHeight(90)
        self.timeline.plot.getPlotItem().getViewBox().setMouseEnabled(x=False, y=False)
        self.timeline.bar_chosen.connect(self._slot_chosen)
        self.timeline.set_unit("p/kWh")
        self.slot = role_label()
        self.prices_summary = role_label("caption")
        """The day's prices in words: the cheapest and the dearest half hour."""
        self.vat = role_label("caption")
        self._timeline: Timeline | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 2)
        layout.setSpacing(4)
        layout.addWidget(self.waiting)
        layout.addLayout(cards)
        layout.addWidget(self.timeline_caption)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.slot)
        layout.addWidget(self.prices_summary)
        layout.addWidget(self.vat)

        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.timeline_caption.setText(
            translate("TariffScreen", "Today's electricity prices, half hour by half hour")
        )
        self.timeline.setAccessibleName(translate("TariffScreen", "Today's electricity prices"))
        self._describe_timeline()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.timeline.apply_theme(theme)

    def model_changed(self, change: ModelChange) -> None:
        # Hidden, it ignores changes: shown again, it ticks at once.
        if self.isVisible() and (change.meter is None or Field.TARIFF in change.fields):
            self.refresh_soon()

    def refresh(self) -> None:
        self.show_page(self._view_model.page(self.context.now()))

    def show_page(self, page: TariffPage) -> None:
        self.waiting.setText(page.waiting)
        self.waiting.setVisible(bool(page.waiting))
        shown = {prices.fuel: prices for prices in page.fuels}
        for fuel, card in self.cards.items():
            prices = shown.get(fuel)
            card.setVisible(prices is not None)
            if prices is None:
                continue
            card.caption.setText(prices.caption)
            card.price.setText(prices.price_now)
            card.price.setAccessibleName(f"{prices.caption}: {prices.price_now}")
            card.band.setText(prices.band_now)
            card.next_price.setText(prices.next_price)
            card.standing.setText(prices.standing_charge)
            card.note.setText(prices.note)
            card.note.setVisible(bool(prices.note))
            for label in (card.price, card.band, card.next_price):
                mark_stale(label, prices.stale)
        timeline = page.timeline
        self.timeline.setVisible(timeline is not None)
        self.timeline_caption.setVisible(timeline is not None)
        self.slot.setVisible(timeline is not None)
        if timeline is not None:
            chosen = self.timeline.chosen
            keep = (
                self._timeline is not None
                and chosen >= 0
                and chosen != self._timeline.now_index
                and len(self._timeline.pence) == len(timeline.pence)
            )
            self._timeline = timeline
            self.timeline.set_bars(
                timeline.edges, timeline.pence, half_hour_ticks(timeline.edges, QT_WORDING)
            )
            self.timeline.choose(chosen if keep else timeline.now_index)
        self._describe_timeline()
        self.vat.setText(page.vat_note)

    def _describe_timeline(self) -> None:
        """The day's prices in words, under the chart and as its description."""
        timeline = self._timeline
        summary = (
            prices_summary(timeline, self._view_model, QT_WORDING) if timeline is not None else ""
        )
        self.prices_summary.setText(summary)
        self.prices_summary.setVisible(bool(summary))
        hint = translate("TariffScreen", "Left and Right arrows choose a half hour")
        self.timeline.setAccessibleDescription(f"{summary}. {hint}" if summary else hint)

    def _slot_chosen(self, index: int) -> None:
        if self._timeline is None:
            return
        text = self._view_model.slot_words(self._timeline, index)
        if index == self._timeline.now_index:
            text = translate("TariffScreen", "Now") + " · " + text
        if text != self.slot.text() and self.timeline.hasFocus():
            announce(self.timeline, text)  # half hour by half hour, as the arrows move
        self.slot.setText(text)
        self.slot.setAccessibleName(text)
