"""specplan: plan specialised commissioning budgets across footprints and redesign options."""

__version__ = "0.1.0"
