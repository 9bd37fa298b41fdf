"""The OpenAPI 3 description of the JSON API, built from the answer definitions."""

from collections.abc import Mapping

from rules.engine import answers as a
from rules.engine import law
from rules.engine.model import WARNING_IDS

DATE = {"type": "string", "format": "date", "example": "2025-03-10"}
DATE_OR_UNKNOWN = {"oneOf": [DATE, {"type": "string", "enum": ["unknown"]}]}
TIME_OR_UNKNOWN = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$|^unknown$"}
BOOLEAN = {"type": "boolean"}


def enum(values):
    return {"type": "string", "enum": list(values)}


def several(values):
    return {"type": "array", "items": enum(values), "uniqueItems": True}


ANSWER_PROPERTIES = {
    "measure": enum(a.MEASURES),
    "eu_citizen": BOOLEAN,
    "territory": enum(a.TERRITORIES),
    "departement": {
        "type": "string",
        "description": "Code of a département (courts.csv) or of a detention centre (cra.csv).",
    },
    "former_territory": enum(a.FORMER_TERRITORIES),
    "decided_on": DATE,
    "notified_by": enum(a.NOTIFIED_BY),
    "notified_on": DATE_OR_UNKNOWN,
    "notified_at": TIME_OR_UNKNOWN,
    "departure_period": enum(a.DEPARTURE_PERIODS),
    "ground": enum(a.GROUNDS),
    "restriction": enum(a.RESTRICTIONS),
    "restriction_with_decision": BOOLEAN,
    "restriction_notified_on": DATE_OR_UNKNOWN,
    "restriction_notified_at": TIME_OR_UNKNOWN,
    "appeal_already_filed": BOOLEAN,
    "age_under_18": BOOLEAN,
    "ties": several(a.TIES),
    "marriage_years": {"type": "integer", "minimum": 0, "maximum": 80},
    "living_together": BOOLEAN,
    "spouse_still_french": BOOLEAN,
    "child_contribution": enum(a.CHILD_CONTRIBUTIONS),
    "expulsion_stage": enum(a.EXPULSION_STAGES),
    "summoned_on": DATE,
    "authority": enum(a.AUTHORITIES),
    "conduct": several(a.CONDUCTS),
}

NULLABLE_DATETIME = {"type": ["string", "null"], "format": "date-time"}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}
OUTCOME = {
    "type": "object",
    "required": ["regime", "protection", "appeal", "other_remedies", "warnings", "sources"],
    "properties": {
        "regime": enum(
            [
                "oqtf-2021",
                "oqtf-2024-01",
                "oqtf-2024-07",
                "expulsion-2021",
                "expulsion-2024",
                "out_of_scope",
            ]
        ),
        "protection": {
            "type": "object",
            "properties": {
                "status": enum(["protected", "not_protected", "lifted", "unknown"]),
                "level": enum(["absolute", "quasi_absolute", "relative", "none"]),
                "categories": {"type": "array", "items": {"type": "string"}},
                "strongest": {"type": "array", "items": {"type": "string"}},
                "lifted_categories": {"type": "array", "items": {"type": "string"}},
                "lifted_by": {"type": "array", "items": {"type": "string"}},
                "necessity_facts": {"type": "array", "items": {"type": "string"}},
            },
        },
        "appeal": {
            "type": "object",
            "properties": {
                "deadline": NULLABLE_DATETIME,
                "rule": {"type": "string"},
                "counting": {"type": ["string", "null"]},
                "extended_over": {"type": "array", "items": DATE},
                "suspensive": {"type": ["boolean", "null"]},
                "court": {"type": ["string", "null"]},
                "court_code": {"type": ["string", "null"]},
                "decides_within": {"type": ["string", "null"]},
            },
        },
        "other_remedies": {"type": "object"},
        "departure": {"type": "object"},
        "comex": {
            "type": "object",
            "properties": {
                "summoned_on": NULLABLE_DATE,
                "hearing_not_before": NULLABLE_DATE,
                "opinion_by": NULLABLE_DATE,
            },
        },
        "warnings": {"type": "array", "items": enum(WARNING_IDS)},
        "sources": {"type": "array", "items": {"type": "string"}},
    },
}
ERRORS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["field", "code", "message"],
        "properties": {
            "field": {"type": "string"},
            "code": {"type": "string"},
            "message": {"type": "string"},
        },
    },
}


OUTCOME_PATH = {
    "post": {
        "summary": "The outcome for a set of answers",
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": list(a.REQUIRED),
                        "properties": ANSWER_PROPERTIES,
                    }
                }
            },
        },
        "responses": {
            "200": {
                "description": "The outcome",
                "content": {"application/json": {"schema": OUTCOME}},
            },
            "400": {
                "description": "A list of field errors",
                "content": {"application/json": {"schema": ERRORS}},
            },
        },
    }
}


def ids_of(name: str) -> list[str]:
    """Every id a table of rules/law/appeal/ has held, whatever the day."""
    found: dict[str, None] = {}
    for dated in law.parameter(name).history:
        found |= dict.fromkeys(dated.value or {})
    return list(found)


TEXT = {"type": "string", "minLength": 1, "maxLength": 100}
PERSON = {
    "type": "object",
    "additionalProperties": False,
    "required": ["family_name", "given_name", "birth_date", "nationality", "address"],
    "properties": {
        "family_name": TEXT,
        "given_name": TEXT,
        "birth_date": DATE,
        "nationality": TEXT,
        "address": {"type": "string", "minLength": 1, "maxLength": 300},
        "interpreter_language": {"type": "string", "maxLength": 100},
    },
}
BLOCK = {
    "type": "object",
    "properties": {
        "kind": enum(["title", "subtitle", "heading", "paragraph", "item", "exhibit", "signature"]),
        "text": {"type": "string"},
    },
}
APPEAL_REQUEST = {
    "type": "object",
    "properties": {
        "procedure": {
            "type": "object",
            "description": "The procedure the rules chose, its article, and its form rules.",
        },
        "court": {"type": ["string", "null"]},
        "deadline": {"type": "string", "format": "date-time"},
        "documents": {
            "type": "array",
            "description": "The request; overseas and for an expulsion order, then the référé.",
            "items": {
                "type": "object",
                "properties": {
                    "kind": enum(["annulment", "referee"]),
                    "blocks": {"type": "array", "items": BLOCK},
                    "text": {"type": "string"},
                },
            },
        },
        "exhibits": {"type": "array", "items": {"type": "string"}},
    },
}
APPEAL_PATH = {
    "post": {
        "summary": "The appeal's request, in French, for a set of answers and a person",
        "description": "Nothing sent is kept. Where the grounds cannot be added after the "
        "deadline, at least one of external and one of internal legality is required.",
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["answers", "person", "decisions"],
                        "properties": {
                            "answers": {"type": "object", "properties": ANSWER_PROPERTIES},
                            "person": PERSON,
                            "decisions": several(ids_of("appeal/decisions")),
                            "grounds": several(ids_of("appeal/grounds")),
                        },
                    }
                }
            },
        },
        "responses": {
            "200": {
                "description": "The request",
                "content": {"application/json": {"schema": APPEAL_REQUEST}},
            },
            "400": {
                "description": "A list of field errors",
                "content": {"application/json": {"schema": ERRORS}},
            },
        },
    }
}
SCHEMA_PATH = {
    "get": {
        "summary": "This description",
        "responses": {"200": {"description": "OpenAPI 3"}},
    }
}
DATED_VALUE = {
    "type": "object",
    "required": ["start", "until", "value", "source"],
    "properties": {
        "start": {"type": "string", "format": "date", "description": "The day it took effect."},
        "until": {
            "type": ["string", "null"],
            "format": "date",
            "description": "Its last day in force; null while still in force.",
        },
        "value": {"description": "The legal value; null from the day a rule ends."},
        "source": {"type": "array", "items": {"type": "string"}},
    },
}
LAW = {
    "type": "object",
    "required": ["checked_on", "open_points", "parameters"],
    "properties": {
        "checked_on": {"type": "string", "format": "date"},
        "open_points": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "concerns": {"type": "array", "items": {"type": "string"}},
                    "en": {"type": "string"},
                },
            },
        },
        "parameters": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "group", "description", "unit", "values"],
                "properties": {
                    "name": {"type": "string", "description": "Its file under rules/law/."},
                    "group": {"type": "string"},
                    "description": {"type": "string"},
                    "unit": {"type": "string"},
                    "open_points": {"type": "array", "items": {"type": "string"}},
                    "values": {"type": "array", "items": DATED_VALUE},
                },
            },
        },
    },
}
QUESTIONS = {
    "type": "object",
    "required": ["nodes", "edges"],
    "properties": {
        "nodes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "kind"],
                "properties": {
                    "id": {"type": "string"},
                    "kind": {"type": "string", "enum": ["question", "outcome"]},
                    "page": {"type": "string"},
                    "answers": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
        "edges": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["from", "answer", "to"],
                "properties": {
                    "from": {"type": "string"},
                    "answer": {"type": "string"},
                    "to": {"type": "string"},
                },
            },
        },
    },
}
CACHEABLE = {
    "ETag": {"description": "Changes whenever the data changes", "schema": {"type": "string"}},
    "Cache-Control": {"description": "public, max-age=86400", "schema": {"type": "string"}},
}


def cacheable_get(summary: str, schema: Mapping[str, object]) -> dict[str, object]:
    """A GET whose answer holds no answer of anyone: cacheable for a day, with an ETag."""
    return {
        "get": {
            "summary": summary,
            "responses": {
                "200": {
                    "description": summary,
                    "headers": CACHEABLE,
                    "content": {"application/json": {"schema": schema}},
                },
                "304": {"description": "Not modified (If-None-Match)"},
            },
        }
    }


def openapi() -> dict[str, object]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Removal from France: your rights, your deadlines",
            "version": "1",
            "description": "Information, not legal advice. Dates are court-local, with offset.",
        },
        "paths": {
            "/api/v1/outcome": OUTCOME_PATH,
            "/api/v1/appeal": APPEAL_PATH,
            "/api/v1/schema": SCHEMA_PATH,
            "/api/v1/law": cacheable_get(
                "Every legal value applied, with the dates it took effect and ended, and its "
                "sources",
                LAW,
            ),
            "/api/v1/questions": cacheable_get(
                "The map of the questions: each question, its answers, and where each leads",
                QUESTIONS,
            ),
        },
    }
