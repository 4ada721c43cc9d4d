"""Leader–citizen dialogue sessions: questions taken in, grouped, ranked, answered on air, and
the commitments made there tracked as cases."""
