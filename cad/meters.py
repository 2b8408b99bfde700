"""Which of the home's meters the CAD's views and feed are about."""

from __future__ import annotations

from han.domain.units import MeteringUnit
from han.model import Fuel, HomeModel, Meter


def electricity_meter(model: HomeModel) -> Meter | None:
    """The import ESME: an electricity meter counting kWh with a reading, the one with live demand
    first. (A gas mirror whose units are not read yet must not stand in for it.)"""
    found = [
        meter
        for meter in model.meters_of(Fuel.ELECTRICITY)
        if not meter.is_generation and meter.unit is MeteringUnit.KWH and meter.has_reading
    ]
    with_demand = [meter for meter in found if meter.demand_kw is not None]
    chosen = with_demand or found
    return chosen[0] if chosen else None
