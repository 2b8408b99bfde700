"""Preset households: who lives in the home, their days, and what they plug in or burn."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field, replace

from home_emulator.household import appliances as ap
from home_emulator.household.appliances import Appliance, OvernightAppliance
from home_emulator.household.ev_charging import EVCharger
from home_emulator.household.generation import SolarPV
from home_emulator.household.heating import GasBoiler, HeatingSchedule, HeatPump, StorageHeaters
from home_emulator.household.occupancy import Routine


@dataclass(frozen=True)
class HouseholdProfile:
    """Who lives in the home, how they spend their days and what they plug in."""

    name: str
    description: str
    routines: tuple[Routine, ...]
    appliances: tuple[Appliance, ...]
    outing_h: tuple[float, float] = (10.5, 13.0)  # when the whole household goes out
    weekday_outing_probability: float = 0.0
    weekend_outing_probability: float = 0.3
    stream_keys: dict[str, int] = field(init=False, repr=False, compare=False)
    has_gas: bool = field(init=False, compare=False)
    has_generation: bool = field(init=False, compare=False)
    overnight: tuple[OvernightAppliance, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = [appliance.name for appliance in self.appliances]
        if len(set(names)) != len(names):
            raise ValueError(f"appliance names must be unique (they key random streams): {names}")
        if not self.routines:
            raise ValueError("a household needs at least one occupant")
        keys = {name: zlib.crc32(f"appliance:{name}".encode()) for name in names}
        object.__setattr__(self, "stream_keys", keys)
        # Appliances declare what else they feed: gas burnt, electricity generated.
        gas = any(getattr(a, "burns_gas", False) for a in self.appliances)
        object.__setattr__(self, "has_gas", gas)
        generation = any(getattr(a, "generates", False) for a in self.appliances)
        object.__setattr__(self, "has_generation", generation)
        overnight = tuple(a for a in self.appliances if isinstance(a, OvernightAppliance))
        object.__setattr__(self, "overnight", overnight)

    @property
    def occupants(self) -> int:
        return len(self.routines)


# Tea and coffee through the day: breakfast, mid-morning, mid-afternoon, evening.
_KETTLE_PEAKS: ap.Peaks = ((7.5, 0.6, 3.0), (10.5, 1.0, 1.5), (15.5, 1.2, 2.0), (19.5, 1.5, 2.0))
_MICROWAVE_PEAKS: ap.Peaks = ((8.0, 0.5, 1.0), (12.75, 0.6, 2.0), (18.5, 1.0, 2.0))
_BREAKFAST_PEAKS: ap.Peaks = ((7.5, 0.5, 1.0),)
_HOUSEWORK_PEAKS: ap.Peaks = ((10.5, 1.0, 2.0), (15.0, 1.5, 1.0))

_FAMILY_ROUTINES = (
    Routine(wake_h=6.5, bed_h=23.0, away_h=(7.75, 17.75)),
    Routine(wake_h=6.75, bed_h=22.75, away_h=(8.5, 15.0), away_probability=0.9),
    Routine(wake_h=7.0, bed_h=21.0, away_h=(8.4, 15.5), spread_h=0.2),
    Routine(wake_h=7.0, bed_h=22.25, away_h=(8.2, 16.0), weekend_lie_in_h=2.0),
)


def _family_appliances(cooking: ap.Cooking) -> tuple[Appliance, ...]:
    """A family of four's electrical kit (the solar home's family has the same)."""
    return (
        ap.BaseLoad(standby_w=115.0, wander_w=15.0),
        ap.FridgeFreezer(compressor_w=110.0),
        ap.ShortBursts("kettle", 3000.0, (2.0, 4.0), per_day=8.0, peaks=_KETTLE_PEAKS),
        ap.ShortBursts("microwave", 1000.0, (1.5, 5.0), 2.0, _MICROWAVE_PEAKS),
        ap.ShortBursts("toaster", 900.0, (2.0, 4.0), 0.8, _BREAKFAST_PEAKS),
        ap.ShortBursts("hair_dryer", 1800.0, (4.0, 8.0), 0.6, _BREAKFAST_PEAKS),
        ap.ShortBursts("vacuum", 1400.0, (15.0, 30.0), 0.4, _HOUSEWORK_PEAKS),
        ap.ElectricShower(watts=9500.0, morning_probability=0.35, evening_probability=0.1),
        cooking,
        ap.WashingMachine(per_week=5.0, dryer_share=0.5),
        ap.Entertainment("tv", watts=130.0, evening_from_h=18.0, afternoon_probability=0.2),
        ap.Entertainment(
            "games_console",
            watts=110.0,
            evening_from_h=16.0,
            until_h=20.75,
            weekday_evening_probability=0.6,
            afternoon_probability=0.3,
        ),
        ap.Lighting(shared_w=70.0, per_person_w=25.0),
    )


_FAMILY_COOKING = ap.Cooking(
    oven_w=2800.0,
    meal_h=17.75,
    meal_probability=0.9,
    meal_minutes=(35.0, 60.0),
    oven_share=0.6,
    roast_probability=0.6,
    lunch_probability=0.3,
)
# A three-bed semi of the 1960s-80s, cavity walls filled, double glazed.
_FAMILY_BOILER = GasBoiler(heat_loss_w_per_k=190.0, showers_per_person=0.35)

PROFILES: dict[str, HouseholdProfile] = {
    profile.name: profile
    for profile in (
        HouseholdProfile(
            name="single_pensioner",
            description="One retired occupant, home most of the day, early to bed; gas heated.",
            routines=(Routine(wake_h=7.25, bed_h=22.5, weekend_lie_in_h=0.0, spread_h=0.4),),
            weekday_outing_probability=0.35,
            weekend_outing_probability=0.25,
            outing_h=(10.0, 12.5),
            appliances=(
                ap.BaseLoad(standby_w=75.0, wander_w=6.0, winter_extra=0.08),
                ap.FridgeFreezer(compressor_w=80.0),
                ap.ShortBursts("kettle", 2800.0, (1.5, 3.0), per_day=4.5, peaks=_KETTLE_PEAKS),
                ap.ShortBursts("microwave", 900.0, (1.5, 4.0), 1.0, _MICROWAVE_PEAKS),
                ap.ShortBursts("vacuum", 1200.0, (10.0, 25.0), 0.3, _HOUSEWORK_PEAKS),
                ap.ElectricShower(watts=8500.0, morning_probability=0.3, evening_probability=0.05),
                ap.Cooking(
                    oven_w=2200.0,
                    meal_h=17.25,
                    meal_probability=0.65,
                    meal_minutes=(25.0, 45.0),
                    oven_share=0.4,
                    weekend_factor=1.0,
                    roast_probability=0.3,
                    lunch_probability=0.5,
                ),
                ap.WashingMachine(per_week=1.5),
                ap.Entertainment(
                    "tv", watts=100.0, evening_from_h=17.5, afternoon_probability=0.35
                ),
                ap.Lighting(shared_w=45.0, per_person_w=20.0),
                # A two-bed terrace kept warm all day.
                GasBoiler(
                    heat_loss_w_per_k=135.0,
                    schedule=HeatingSchedule(weekday=((7.0, 22.5),), weekend=((7.0, 22.5),)),
                    showers_per_person=0.35,
                    hot_taps_per_person=4.0,
                ),
            ),
        ),
        HouseholdProfile(
            name="family_of_four",
            description="Two working parents and two school-age children; gas heated.",
            routines=_FAMILY_ROUTINES,
            weekend_outing_probability=0.5,
            outing_h=(10.5, 13.5),
            appliances=(*_family_appliances(_FAMILY_COOKING), _FAMILY_BOILER),
        ),
        HouseholdProfile(
            name="home_worker",
            description="A couple: one works from home, the other commutes; gas heated.",
            routines=(
                Routine(wake_h=7.0, bed_h=23.25),
                Routine(wake_h=6.5, bed_h=23.0, away_h=(7.5, 18.0)),
            ),
            weekday_outing_probability=0.1,
            weekend_outing_probability=0.4,
            appliances=(
                ap.BaseLoad(standby_w=80.0, wander_w=10.0),
                ap.FridgeFreezer(compressor_w=90.0),
                ap.ShortBursts("kettle", 2900.0, (2.0, 3.5), per_day=6.0, peaks=_KETTLE_PEAKS),
                ap.ShortBursts("microwave", 900.0, (1.5, 4.0), 1.5, _MICROWAVE_PEAKS),
                ap.ShortBursts("vacuum", 1300.0, (10.0, 25.0), 0.3, _HOUSEWORK_PEAKS),
                ap.ElectricShower(watts=9000.0, morning_probability=0.55, evening_probability=0.1),
                ap.Cooking(
                    oven_w=2600.0,
                    meal_h=18.75,
                    meal_probability=0.85,
                    meal_minutes=(30.0, 50.0),
                    roast_probability=0.3,
                    lunch_probability=0.6,
                ),
                ap.WashingMachine(per_week=3.0),
                ap.HomeOffice(),
                ap.Entertainment(
                    "tv", watts=120.0, evening_from_h=19.0, afternoon_probability=0.05
                ),
                ap.Lighting(shared_w=50.0, per_person_w=30.0),
                # Heated through the working day for the one at home.
                GasBoiler(
                    heat_loss_w_per_k=165.0,
                    schedule=HeatingSchedule(weekday=((6.25, 23.0),), weekend=((7.5, 23.0),)),
                    showers_per_person=0.2,
                ),
            ),
        ),
        HouseholdProfile(
            name="ev_owner",
            description="A commuting couple in an all-electric home: storage heaters and an EV, both charged off-peak.",
            routines=(
                Routine(wake_h=6.5, bed_h=23.0, away_h=(7.5, 18.25)),
                Routine(wake_h=6.75, bed_h=23.25, away_h=(8.0, 17.75)),
            ),
            weekend_outing_probability=0.5,
            appliances=(
                ap.BaseLoad(standby_w=85.0, wander_w=10.0),
                ap.FridgeFreezer(compressor_w=90.0),
                ap.ShortBursts("kettle", 2900.0, (2.0, 3.5), per_day=5.0, peaks=_KETTLE_PEAKS),
                ap.ShortBursts("microwave", 900.0, (1.5, 4.0), 1.5, _MICROWAVE_PEAKS),
                ap.ShortBursts("vacuum", 1300.0, (10.0, 25.0), 0.3, _HOUSEWORK_PEAKS),
                ap.ElectricShower(watts=9000.0, morning_probability=0.7, evening_probability=0.1),
                ap.Cooking(oven_w=2600.0, meal_h=19.0, roast_probability=0.2),
                ap.WashingMachine(per_week=3.0, dryer_share=0.3),
                ap.Entertainment("tv", watts=120.0, evening_from_h=19.0),
                ap.Lighting(shared_w=50.0, per_person_w=25.0),
                StorageHeaters(heat_loss_w_per_k=60.0),
                EVCharger(off_peak=(0.5, 4.5), charges_per_week=2.0),
            ),
        ),
        HouseholdProfile(
            name="solar_home",
            description="A family of four with 4 kWp of solar PV on the roof; gas heated, gas hob.",
            routines=_FAMILY_ROUTINES,
            weekend_outing_probability=0.5,
            outing_h=(10.5, 13.5),
            appliances=(
                *_family_appliances(replace(_FAMILY_COOKING, hob_w=2900.0, hob_fuel="gas")),
                _FAMILY_BOILER,
                SolarPV(kwp=4.0),
            ),
        ),
        HouseholdProfile(
            name="heat_pump_home",
            description="A family of three in an all-electric three-bed house with an air-source heat pump.",
            routines=(
                Routine(wake_h=6.5, bed_h=23.0, away_h=(8.0, 17.5)),
                Routine(wake_h=6.75, bed_h=22.75, away_h=(8.75, 15.25), away_probability=0.9),
                Routine(wake_h=7.0, bed_h=21.25, away_h=(8.4, 15.5), spread_h=0.2),
            ),
            weekend_outing_probability=0.45,
            appliances=(
                ap.BaseLoad(standby_w=100.0, wander_w=12.0),
                ap.FridgeFreezer(compressor_w=100.0),
                ap.ShortBursts("kettle", 3000.0, (2.0, 4.0), per_day=6.0, peaks=_KETTLE_PEAKS),
                ap.ShortBursts("microwave", 1000.0, (1.5, 5.0), 1.5, _MICROWAVE_PEAKS),
                ap.ShortBursts("toaster", 900.0, (2.0, 4.0), 0.6, _BREAKFAST_PEAKS),
                ap.ShortBursts("vacuum", 1400.0, (15.0, 30.0), 0.4, _HOUSEWORK_PEAKS),
                ap.Cooking(oven_w=2800.0, hob_w=2300.0, meal_h=17.75, meal_probability=0.9),
                ap.WashingMachine(per_week=4.0, dryer_share=0.4),
                ap.Entertainment("tv", watts=120.0, evening_from_h=18.0),
                ap.Lighting(shared_w=60.0, per_person_w=25.0),
                HeatPump(),
            ),
        ),
    )
}
