"""Qt item models over the plan's arrays and the engine's results (no widgets, no arithmetic)."""
