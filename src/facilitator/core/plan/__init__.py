"""The session plan: a sequence of timed rounds, read from and written to ``plan.toml``."""

from facilitator.core.plan.model import (
    FORMATS,
    MAX_CARD_ID,
    MAX_CARDS,
    MAX_FILE_BYTES,
    MAX_MINUTES,
    MAX_MOVE,
    MAX_PROMPT,
    MAX_PROMPTS,
    MAX_ROUNDS,
    MAX_TITLE,
    PLAN_KEYS,
    ROUND_KEYS,
    Plan,
    Round,
)
from facilitator.core.plan.survey import SURVEY_KINDS, SurveyQuestion
from facilitator.core.plan.templates import bundled_plans, check_plan_cards, resolve_plan
from facilitator.core.plan.toml_read import load_plan, parse_plan
from facilitator.core.plan.toml_write import plan_to_toml, save_plan

__all__ = [
    "FORMATS",
    "MAX_CARDS",
    "MAX_CARD_ID",
    "MAX_FILE_BYTES",
    "MAX_MINUTES",
    "MAX_MOVE",
    "MAX_PROMPT",
    "MAX_PROMPTS",
    "MAX_ROUNDS",
    "MAX_TITLE",
    "PLAN_KEYS",
    "ROUND_KEYS",
    "SURVEY_KINDS",
    "Plan",
    "Round",
    "SurveyQuestion",
    "bundled_plans",
    "check_plan_cards",
    "load_plan",
    "parse_plan",
    "plan_to_toml",
    "resolve_plan",
    "save_plan",
]
