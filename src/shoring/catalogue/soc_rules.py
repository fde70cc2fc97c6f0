"""The written rule from SOC occupation codes to work categories (``soc_category_rules.md``).

``soc_category`` labels an O*NET-SOC 2019 occupation with one of the six categories of
docs/TAXONOMY.md section 3.  It implements the table in ``data/soc_category_rules.md`` and refines
it where that table is silent, always by the rule's own test ("classify by the work being
moved, not the title"): the longest matching code prefix wins, so an O*NET code
(``15-1299.04``) overrides its SOC code (``15-1299``), which overrides its minor group
(``15-12``) and its major group (``15``).  Every refinement beyond the written table is marked
``# refinement`` below; the README lists them.

The labels train the lexical categoriser and label the held-out evaluation titles, so they are
written once here and never adjusted to improve a score.
"""

from __future__ import annotations

from shoring.taxonomy import Category

ITO, FRONT, BACK, SRD, KPO, NONE = (
    Category.ITO,
    Category.BPO_FRONT,
    Category.BPO_BACK,
    Category.SOFTWARE_RD,
    Category.KPO,
    Category.NONE,
)

#: Code prefix -> category.  Longest prefix wins.
RULES: dict[str, Category] = {
    # --- major groups: physical, on-site work (the rule's NONE row) ---------------------
    "21": NONE,  # community and social service, in person  # refinement
    "25": NONE,  # teaching in a classroom  # refinement
    "31": NONE,
    "33": NONE,
    "35": NONE,
    "37": NONE,
    "39": NONE,
    "45": NONE,
    "47": NONE,
    "49": NONE,
    "51": NONE,
    "53": NONE,
    "55": NONE,  # military
    # --- 11 managers: by the work being moved (borderline; refinement) ------------------
    "11": NONE,  # running the business and on-site operations stays
    "11-2011": KPO,
    "11-2021": KPO,
    "11-2032": KPO,
    "11-3012": BACK,
    "11-3021": ITO,
    "11-3031": KPO,
    "11-3061": KPO,
    "11-3071.04": KPO,
    "11-3111": BACK,
    "11-3121": BACK,
    "11-3131": KPO,
    "11-9041": KPO,
    "11-9041.01": KPO,
    "11-9121": KPO,
    "11-9199.01": KPO,
    "11-9199.02": KPO,
    # --- 13 business and financial operations --------------------------------------------
    "13-1": KPO,  # analysts and specialists: judgement  # refinement
    "13-1011": NONE,
    "13-1021": BACK,
    "13-1022": BACK,
    "13-1023": BACK,
    "13-1031": BACK,  # claims adjusters and examiners: claims processing (seeds)
    "13-1032": NONE,  # auto damage appraisers inspect vehicles
    "13-1041.01": NONE,  # inspectors visit sites
    "13-1041.04": NONE,
    "13-1041.06": NONE,  # coroners
    "13-1041.08": BACK,  # customs brokers: declarations
    "13-1071": BACK,  # HR specialists: HR administration (TAXONOMY s. 3)
    "13-1074": NONE,
    "13-1121": NONE,  # event planners run events on site
    "13-1131": FRONT,  # fundraisers: donor contact
    "13-1141": BACK,
    "13-1199.06": BACK,  # online merchants: listing and order processing
    "13-2": KPO,  # financial specialists (the rule)
    "13-2082": BACK,  # tax preparers: routine returns, clerical  # refinement
    "13-2072": FRONT,  # loan officers: customer contact  # refinement
    "13-2071": FRONT,  # credit counselors: advice by phone  # refinement
    # --- 15 computer and mathematical -----------------------------------------------------
    "15-12": ITO,
    "15-1211": ITO,  # systems analysts: configure and run business systems
    "15-1211.01": KPO,  # health informatics specialists
    "15-1212": ITO,
    "15-1221": SRD,  # computer and information research scientists
    "15-1231": ITO,
    "15-1232": ITO,
    "15-1241": ITO,
    "15-1242": ITO,
    "15-1243": ITO,
    "15-1244": ITO,
    "15-1251": SRD,
    "15-1252": SRD,
    "15-1253": SRD,
    "15-1254": SRD,
    "15-1255": SRD,
    "15-1299": ITO,
    "15-1299.01": ITO,
    "15-1299.02": KPO,  # GIS technologists: mapping and analysis
    "15-1299.03": BACK,  # document management specialists
    "15-1299.04": ITO,
    "15-1299.05": ITO,
    "15-1299.06": ITO,
    "15-1299.07": SRD,  # blockchain engineers build software
    "15-1299.08": ITO,
    "15-1299.09": ITO,
    "15-2": KPO,
    # --- 17 architecture and engineering --------------------------------------------------
    "17-1": KPO,
    "17-1012": KPO,
    "17-1022": NONE,  # surveyors work in the field
    "17-2": KPO,  # engineers (design)
    "17-30": KPO,  # drafters
    "17-302": NONE,  # engineering technicians: labs, plants and sites  # refinement
    "17-3031": NONE,
    # --- 19 life, physical and social science ---------------------------------------------
    "19-1": KPO,
    "19-1031.02": NONE,
    "19-1031.03": NONE,
    "19-1032": NONE,
    "19-2": KPO,
    "19-3": KPO,
    "19-3033": NONE,  # clinical psychologists treat patients
    "19-3034": NONE,
    "19-3039.03": NONE,
    "19-4": NONE,  # science technicians: bench and field work
    "19-4061": KPO,  # social science research assistants: desk research
    "19-5": NONE,
    # --- 23 legal -------------------------------------------------------------------------
    "23-1011": KPO,
    "23-1012": KPO,
    "23-1021": NONE,
    "23-1022": NONE,
    "23-1023": NONE,
    "23-2011": KPO,  # paralegals: legal research
    "23-2093": BACK,  # title searchers: records search
    "23-2099": BACK,
    # --- 25 education: instructional design moves ---------------------------------------
    "25-9031": KPO,
    # --- 27 arts, design, media -----------------------------------------------------------
    "27": NONE,  # performing, on-location and hands-on work
    "27-1011": KPO,
    "27-1013": KPO,
    "27-1014": KPO,
    "27-1021": KPO,
    "27-1024": KPO,
    "27-1029": KPO,
    "27-3023": KPO,
    "27-3031": KPO,
    "27-3041": KPO,  # editors (the seeds' newsletter editing)
    "27-3042": KPO,
    "27-3043": KPO,
    "27-3091": KPO,
    "27-3092": BACK,  # captioners: transcription
    "27-3099": KPO,
    "27-4032": KPO,  # film and video editors
    # --- 29 healthcare practitioners ------------------------------------------------------
    "29": NONE,
    "29-1224": KPO,  # radiologists (the rule; the seeds' x-ray interpretation)
    "29-2072": BACK,  # medical records specialists: coding
    "29-9021": BACK,  # health information technologists and registrars
    # --- 31 healthcare support ------------------------------------------------------------
    "31-9094": BACK,  # medical transcriptionists (the rule)
    # --- 41 sales ----------------------------------------------------------------------------
    "41": NONE,  # in-store and in-person selling
    "41-3011": FRONT,
    "41-3021": FRONT,
    "41-3031": KPO,  # securities and financial services sales agents: advice and trading
    "41-3041": FRONT,
    "41-3091": FRONT,
    "41-9041": FRONT,  # telemarketers (the rule)
    "41-9031": KPO,  # sales engineers: technical solution design
    # --- 43 office and administrative support ----------------------------------------------
    "43": BACK,
    "43-2": FRONT,  # switchboard and telephone operators (the rule)
    "43-3011": FRONT,  # bill collectors phone debtors  # refinement
    "43-3041": NONE,
    "43-3071": NONE,  # tellers serve at the branch counter
    "43-4051": FRONT,  # customer service representatives (the rule)
    "43-4061": FRONT,  # eligibility interviewers
    "43-4081": NONE,  # hotel desk clerks
    "43-4111": FRONT,  # survey interviewers
    "43-4121": NONE,
    "43-4141": FRONT,
    "43-4171": FRONT,  # receptionists: answering and directing callers
    "43-4181": FRONT,  # reservation agents (the rule)
    "43-5": NONE,  # material recording, dispatching, distributing: mostly physical
    "43-5011": BACK,
    "43-5011.01": BACK,
    "43-5032": FRONT,  # dispatchers take calls and dispatch
    "43-5061": BACK,
    "43-9011": ITO,  # computer operators (SOC 2010; kept for older codes)
    "43-9051": NONE,  # mail clerks handle paper mail
    "43-9071": NONE,
}


def soc_category(code: str) -> Category:
    """The category of an O*NET-SOC (``15-1252.00``) or SOC (``15-1252``) code.

    Raises ``ValueError`` for a code that does not look like a SOC code or matches no rule.
    """
    cleaned = code.strip()
    if len(cleaned) < 7 or cleaned[2] != "-" or not cleaned[:2].isdigit():
        raise ValueError(f"not a SOC code: {code!r}")
    if cleaned.endswith(".00"):
        cleaned = cleaned[:-3]
    for length in range(len(cleaned), 1, -1):
        category = RULES.get(cleaned[:length])
        if category is not None:
            return category
    raise ValueError(f"no category rule for SOC code {code!r}")
