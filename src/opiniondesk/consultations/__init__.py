"""Consultations in the manner of Pol.is: participants vote agree / disagree / pass on short
statements; the desk finds opinion groups, what represents each group, and what most groups
agree on (Small et al. 2021). Votes are counted, never traced to people."""
