"""Cases (vấn đề nổi cộm): pressing issues routed to agencies, tracked against working-day
deadlines, answered, approved and published. A case's state is derived from its append-only
event log (`state.derive`); nothing about it is stored twice."""
