"""Real SCO content for a fresh site, loaded by `manage.py load_demo_data`.

The data modules hold plain Python records (no model imports); `loader.py` turns them into
rows. Every record names its source: a seed document in ../shared/seeds/ or a public URL.
Where a date, figure or detail is illustrative rather than documented, the source says so.
"""
