"""The two astronomical quantities the lunisolar calendar needs: new moons and the Sun's
apparent longitude (J. Meeus, *Astronomical Algorithms*, 2nd ed., chapters 25 and 49).

Times are Julian Ephemeris Days (TT) unless a name says UT; `delta_t` converts between them.
Accuracy is about a minute for new moons and 0.01° for the Sun between 1900 and 2100, which
is what deciding the civil day of a new moon or a principal term needs.
"""

from __future__ import annotations

import math

SYNODIC_MONTH = 29.530588861
# JDE of the mean new moon of 2000 January 6 (Meeus' k = 0)
NEW_MOON_EPOCH = 2451550.09766

# Meeus table 49.A, new moon: (coefficient, power of E, multiples of M, M', F, Ω)
_PERIODIC: tuple[tuple[float, int, int, int, int, int], ...] = (
    (-0.40720, 0, 0, 1, 0, 0),
    (0.17241, 1, 1, 0, 0, 0),
    (0.01608, 0, 0, 2, 0, 0),
    (0.01039, 0, 0, 0, 2, 0),
    (0.00739, 1, -1, 1, 0, 0),
    (-0.00514, 1, 1, 1, 0, 0),
    (0.00208, 2, 2, 0, 0, 0),
    (-0.00111, 0, 0, 1, -2, 0),
    (-0.00057, 0, 0, 1, 2, 0),
    (0.00056, 1, 1, 2, 0, 0),
    (-0.00042, 0, 0, 3, 0, 0),
    (0.00042, 1, 1, 0, 2, 0),
    (0.00038, 1, 1, 0, -2, 0),
    (-0.00024, 1, -1, 2, 0, 0),
    (-0.00017, 0, 0, 0, 0, 1),
    (-0.00007, 0, 2, 1, 0, 0),
    (0.00004, 0, 0, 2, -2, 0),
    (0.00004, 0, 3, 0, 0, 0),
    (0.00003, 0, 1, 1, -2, 0),
    (0.00003, 0, 0, 2, 2, 0),
    (-0.00003, 0, 1, 1, 2, 0),
    (0.00003, 0, -1, 1, 2, 0),
    (-0.00002, 0, -1, 1, -2, 0),
    (-0.00002, 0, 1, 3, 0, 0),
    (0.00002, 0, 0, 4, 0, 0),
)

# Meeus, planetary arguments A1..A14: (constant, rate per lunation, coefficient)
_PLANETARY: tuple[tuple[float, float, float], ...] = (
    (299.77, 0.107408, 0.000325),
    (251.88, 0.016321, 0.000165),
    (251.83, 26.651886, 0.000164),
    (349.42, 36.412478, 0.000126),
    (84.66, 18.206239, 0.000110),
    (141.74, 53.303771, 0.000062),
    (207.14, 2.453732, 0.000060),
    (154.84, 7.306860, 0.000056),
    (34.52, 27.261239, 0.000047),
    (207.19, 0.121824, 0.000042),
    (291.34, 1.844379, 0.000040),
    (161.72, 24.198154, 0.000037),
    (239.56, 25.513099, 0.000035),
    (331.55, 3.592518, 0.000023),
)


def _sin_deg(degrees: float) -> float:
    return math.sin(math.radians(degrees % 360.0))


def new_moon_jde(k: int) -> float:
    """The true new moon number `k` (k = 0 near 2000-01-06), as a Julian Ephemeris Day."""
    t = k / 1236.85
    jde = (
        NEW_MOON_EPOCH
        + SYNODIC_MONTH * k
        + 0.00015437 * t**2
        - 0.000000150 * t**3
        + 0.00000000073 * t**4
    )
    e = 1 - 0.002516 * t - 0.0000074 * t**2
    sun_anomaly = 2.5534 + 29.10535670 * k - 0.0000014 * t**2 - 0.00000011 * t**3
    moon_anomaly = (
        201.5643 + 385.81693528 * k + 0.0107582 * t**2 + 0.00001238 * t**3 - 0.000000058 * t**4
    )
    latitude_arg = (
        160.7108 + 390.67050284 * k - 0.0016118 * t**2 - 0.00000227 * t**3 + 0.000000011 * t**4
    )
    node = 124.7746 - 1.56375588 * k + 0.0020672 * t**2 + 0.00000215 * t**3
    for coefficient, e_power, m, m_prime, f, omega in _PERIODIC:
        angle = m * sun_anomaly + m_prime * moon_anomaly + f * latitude_arg + omega * node
        jde += coefficient * e**e_power * _sin_deg(angle)
    a1_extra = -0.009173 * t**2  # only A1 has a quadratic term
    for index, (constant, rate, coefficient) in enumerate(_PLANETARY):
        angle = constant + rate * k + (a1_extra if index == 0 else 0.0)
        jde += coefficient * _sin_deg(angle)
    return jde


def delta_t_days(year: float) -> float:
    """TT − UT in days (Espenak & Meeus polynomials, 1900–2150)."""
    if year < 1900 or year > 2150:
        raise ValueError(f"year {year:.0f} is outside 1900–2150, where ΔT is modelled")
    if year < 1920:
        t = year - 1900
        seconds = -2.79 + 1.494119 * t - 0.0598939 * t**2 + 0.0061966 * t**3 - 0.000197 * t**4
    elif year < 1941:
        t = year - 1920
        seconds = 21.20 + 0.84493 * t - 0.076100 * t**2 + 0.0020936 * t**3
    elif year < 1961:
        t = year - 1950
        seconds = 29.07 + 0.407 * t - t**2 / 233 + t**3 / 2547
    elif year < 1986:
        t = year - 1975
        seconds = 45.45 + 1.067 * t - t**2 / 260 - t**3 / 718
    elif year < 2005:
        t = year - 2000
        seconds = (
            63.86
            + 0.3345 * t
            - 0.060374 * t**2
            + 0.0017275 * t**3
            + 0.000651814 * t**4
            + 0.00002373599 * t**5
        )
    elif year < 2050:
        t = year - 2000
        seconds = 62.92 + 0.32217 * t + 0.005589 * t**2
    else:
        seconds = -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year)
    return seconds / 86400.0


def year_of_jd(jd: float) -> float:
    """Approximate decimal year of a Julian Day (good enough for ΔT)."""
    return 2000.0 + (jd - 2451545.0) / 365.25


def sun_apparent_longitude(jde: float) -> float:
    """The Sun's apparent ecliptic longitude in degrees [0, 360) at a Julian Ephemeris Day."""
    t = (jde - 2451545.0) / 36525.0
    mean_longitude = 280.46646 + 36000.76983 * t + 0.0003032 * t**2
    mean_anomaly = 357.52911 + 35999.05029 * t - 0.0001537 * t**2
    centre = (
        (1.914602 - 0.004817 * t - 0.000014 * t**2) * _sin_deg(mean_anomaly)
        + (0.019993 - 0.000101 * t) * _sin_deg(2 * mean_anomaly)
        + 0.000289 * _sin_deg(3 * mean_anomaly)
    )
    node = 125.04 - 1934.136 * t
    apparent = mean_longitude + centre - 0.00569 - 0.00478 * _sin_deg(node)
    return apparent % 360.0
