"""Build ``src/shoring/data/capital_timezones.csv`` from the tz database's ``zone.tab``.

For a country with a single zone in ``zone.tab`` that zone is, by construction, the capital's.
For countries with several zones the capital's zone is named in ``CAPITAL_ZONE`` below (a fact
about the capital, checked by hand against the tz database's own comments).  Countries with no
capital (Antarctica, US Minor Outlying Islands) get no row.

Run: ``python scripts/build_capital_timezones.py /usr/share/zoneinfo/zone.tab``
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

import pycountry

CAPITAL_ZONE: dict[str, tuple[str, str]] = {
    "AR": ("Buenos Aires", "America/Argentina/Buenos_Aires"),
    "AU": ("Canberra", "Australia/Sydney"),
    "BR": ("Brasilia", "America/Sao_Paulo"),
    "CA": ("Ottawa", "America/Toronto"),
    "CD": ("Kinshasa", "Africa/Kinshasa"),
    "CL": ("Santiago", "America/Santiago"),
    "CN": ("Beijing", "Asia/Shanghai"),
    "CY": ("Nicosia", "Asia/Nicosia"),
    "DE": ("Berlin", "Europe/Berlin"),
    "EC": ("Quito", "America/Guayaquil"),
    "ES": ("Madrid", "Europe/Madrid"),
    "FM": ("Palikir", "Pacific/Pohnpei"),
    "GL": ("Nuuk", "America/Nuuk"),
    "ID": ("Jakarta", "Asia/Jakarta"),
    "KI": ("Tarawa", "Pacific/Tarawa"),
    "KZ": ("Astana", "Asia/Almaty"),
    "MH": ("Majuro", "Pacific/Majuro"),
    "MN": ("Ulaanbaatar", "Asia/Ulaanbaatar"),
    "MX": ("Mexico City", "America/Mexico_City"),
    "MY": ("Kuala Lumpur", "Asia/Kuala_Lumpur"),
    "NZ": ("Wellington", "Pacific/Auckland"),
    "PF": ("Papeete", "Pacific/Tahiti"),
    "PG": ("Port Moresby", "Pacific/Port_Moresby"),
    "PS": ("Ramallah", "Asia/Hebron"),
    "PT": ("Lisbon", "Europe/Lisbon"),
    "RU": ("Moscow", "Europe/Moscow"),
    "UA": ("Kyiv", "Europe/Kyiv"),
    "US": ("Washington, D.C.", "America/New_York"),
    "UZ": ("Tashkent", "Asia/Tashkent"),
}
NO_CAPITAL = {"AQ", "UM"}


def main(zone_tab: str, out: str) -> None:
    zones: dict[str, list[str]] = defaultdict(list)
    for line in Path(zone_tab).read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coords, tz, *_ = line.split("\t")
        zones[code].append(tz)
    rows = []
    for code, tzs in sorted(zones.items()):
        if code in NO_CAPITAL:
            continue
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            continue
        if len(tzs) == 1:
            capital, tz, method = "", tzs[0], "only zone for the country in tz database zone.tab"
        else:
            capital, tz = CAPITAL_ZONE[code]
            assert tz in tzs, (code, tz)
            method = "zone of the capital, chosen among the country's zones in zone.tab"
        rows.append(
            {
                "iso3": country.alpha_3,
                "iso2": code,
                "capital": capital,
                "timezone": tz,
                "method": method,
            }
        )
    with open(out, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {out}")


if __name__ == "__main__":
    main(
        sys.argv[1] if len(sys.argv) > 1 else "/usr/share/zoneinfo/zone.tab",
        "src/shoring/data/capital_timezones.csv",
    )
