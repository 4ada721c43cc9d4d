"""Forecasts of weekly volume and negative share per topic × province, with prediction
intervals and rolling-origin backtests (issue 3 §6). Reads only the rollup table.

Importing this package is cheap; the modelling modules load statsforecast (about a second),
so command-line code imports them only when a forecast is asked for.
"""

from typing import Final

MIN_HORIZON: Final = 1
MAX_HORIZON: Final = 12  # weeks ahead; beyond a quarter a weekly forecast is mostly interval
