"""A corpus of what tables said, with the groups a person would make of it.

Each inner list is one idea as several tables typed it (case, punctuation, plurals, small
typing slips, another word order). ``APART`` holds near misses: each says something else
than every other line here and must join no group. Written for the suggestion tests.
"""

from __future__ import annotations

SAME: list[list[str]] = [
    [
        "Primary care voices are often missing",
        "primary care voices are often missing.",
        "Primary care voice is often missing",
        "Primery care voices are ofen missing",
        "PRIMARY CARE VOICES ARE OFTEN MISSING!",
    ],
    ["Trust takes time", "trust takes time...", "Trust take time", "Trust takes tiem"],
    ["Listening before fixing", "listening before fixing", "Listning before fixing"],
    ["Leadership is a practice", "leadership is a practise", "Leadership is a practice."],
    ["Psychological safety", "psychological safety!", "Psycological safety"],
    ["Burnout among staff", "burn-out among staff", "Burnout among the staff"],
    ["Funding is short-term", "funding is short term", "Short-term funding is"],
    ["Silos between services", "silos between service", "Silo's between services"],
    ["Hold the space", "hold the space", "Holding the space"],
    ["Coaching conversations", "coaching conversation", "Coachng conversations"],
    [
        "Systems thinking across organisations",
        "systems thinking across organizations",
        "System thinking across organisations",
    ],
    ["Power and hierarchy", "hierarchy and power", "Power & hierarchy"],
    ["Curiosity over judgement", "curiosity over judgment", "Curiousity over judgement"],
    ["Role modelling vulnerability", "role-modelling vulnerability", "Role modeling vulnerability"],
    ["Clients want quick fixes", "clients want quick fixes", "Clients want a quick fix"],
    ["Time to reflect", "time to reflect.", "Time to relfect"],
    ["Shared purpose", "shared purpose", "A shared purpose"],
    ["Data is not shared", "data is not shared", "Data's not shared"],
    [
        "Middle managers feel squeezed",
        "middle managers feel squeezed",
        "Middle manager feels squeezed",
    ],
    [
        "Courage to challenge",
        "courage to challenge",
        "Courage to chalenge",
        "The courage to challenge",
    ],
    [
        "Relationships over structures",
        "relationships over structure",
        "Relationship over structures",
    ],
    ["Mentoring new leaders", "mentoring new leaders", "Mentorng new leaders"],
    [
        "Co-production with communities",
        "co-production with communities",
        "Coproduction with communities",
    ],
    ["Letting go of control", "letting go of control", "Leting go of control"],
    ["Leadership", "leadership", "Leadersihp", "LEADERSHIP"],
]

APART: list[str] = [
    "More time to reflect",
    "Less time to reflect",
    "Trust in leaders",
    "Trust in teams",
    "Leaders listen",
    "Leaders do not listen",
    "Hope",
    "Home",
    "Funding is long-term",
    "Data is shared openly",
    "Clients want long-term change",
    "Power without hierarchy",
    "Psychological danger",
    "Primary schools are missing",
    "Secondary care voices are loud",
    "Listening after fixing",
    "Burnout among managers",
    "Silos within services",
    "Coaching teams",
    "Shared values",
    "Courage to change",
    "Mentoring old leaders",
    "Letting go of fear",
    "Relationships over outcomes",
    "Time to act",
]
