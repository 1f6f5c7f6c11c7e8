"""What each data file under ``data/`` holds: its keys and the kind of each value.

:mod:`.lexicon` checks every file against this before any rule reads it, and fails naming the
file and the entry, so a missing or misspelt key is an error at load, not a KeyError deep in
a rule on the first document that needs it. Adding a word list is a key in the data file
and a line here; adding a pattern is an entry under the file's ``patterns`` (see
:data:`PATTERNS`).
"""
from __future__ import annotations

WORDS = "words"
"""A list of distinct, non-empty strings (read longest first where a scan needs it)."""
CHARS = "chars"
"""A string read as a set of characters."""
TEXT = "text"
"""One word."""
REGEXES = "regexes"
"""A list of regular expressions (each must compile)."""
WORD_MAP = "word map"
"""A mapping from a word to a list of words."""
PATTERNS = "patterns"
"""Named patterns: ``id: {about, pattern, example, [span], expect | absent, [title]}``.
``about`` says what the pattern means; ``pattern`` is a regular expression in which
``{{key}}`` (or ``{{a|b}}``, ``{{file.key}}``) stands for the alternation of those word lists,
longest first; ``example`` is a sentence it matches (``span``: the part of it the pattern
reads, when a rule applies it to the text before or after a name); ``expect`` and ``absent``
are lines of ``zonekg extract --trace`` that extraction of the example (in a document under
``title``) must show, or must not (tests/extraction/test_patterns.py runs each one, and
checks the example reads otherwise with the pattern disabled)."""

STAGE_OF = {"names": "mentions", "lists": "mentions", "responsibility": "leads", "targets": "targets"}
"""The pipeline stage a file's pattern examples are checked at (its ``expect`` lines appear in
that stage's trace)."""

SCHEMA: dict[str, dict[str, str]] = {
    "boundaries": {
        "words": WORDS, "inner_conjunctions": WORDS, "inside_words": WORDS,
    },
    "generic": {
        "stem_words": WORDS, "names": WORDS, "false_endings": WORDS, "false_followers": WORD_MAP,
        "word_final_heads": WORDS, "city_word_followers": WORDS, "leading_strip": WORDS,
        "non_name_tags": WORDS, "name_internal_verbs": WORDS, "category_heads": WORDS,
        "proper_tags": WORDS, "generic_modifiers": WORDS, "non_proper_chars": CHARS,
        "directions": WORDS, "toponym_endings": WORDS, "common_toponym_words": WORDS,
        "code_name_works": WORDS, "partner_institution_heads": WORDS, "partner_build_verbs": WORDS,
        "supported_institution_cues": WORDS, "institution_activities": WORDS, "quality_words": WORDS,
        "organisation_heads": WORDS, "platform_company_stems": WORDS, "zone_leading_scope": WORDS,
    },
    "industries": {
        "sectors": WORDS, "head_words": WORDS, "heading_verbs": WORDS, "generic_modifiers": WORDS,
        "name_tails": WORDS, "focus_verbs": WORDS, "count_cue_heads": WORDS,
        "organisation_nouns": WORDS, "list_focus_verbs": WORDS, "list_closing_nouns": WORDS,
        "field_heads": WORDS, "bare_field_head": TEXT, "output_words": WORDS,
        "growth_words": WORDS, "sector_focus_verbs": WORDS, "programme_words": WORDS,
        "non_sector_economies": WORDS, "sector_followers": WORDS, "sector_end_chars": CHARS,
        "sector_end_words": WORDS, "component_nouns": WORDS, "measure_openers": WORDS,
        "unit_functions": WORDS, "unit_heads": WORDS, "sector_qualifiers": WORDS, "label_cues": WORDS,
    },
    "lists": {
        "patterns": PATTERNS,
        "industry_heads": WORDS, "agency_heads": WORDS, "company_heads": WORDS,
        "project_heads": WORDS, "zone_heads": WORDS, "partner_verbs": WORDS,
        "works_markers": WORDS, "category_abbreviations": WORDS, "capacity_units": WORDS,
        "investor_project_heads": WORDS,
    },
    "names": {
        "patterns": PATTERNS,
        "zone_suffixes": WORDS, "agency_suffixes": WORDS, "province_scopes": WORDS,
        "level_words": WORDS, "administration_suffixes": WORDS, "project_heads": WORDS,
        "company_markers": WORDS, "department_stems": WORDS,
        "agency_center_stems": WORDS, "scope_prefixes": WORDS, "responsibility_cues": WORDS,
        "build_verbs": WORDS, "department_only_stems": WORDS, "provincial_scopes": WORDS,
        "commission_stems": WORDS, "unit_type_words": WORDS, "subunit_heads": WORDS, "company_weak_tails": WORDS,
        "firm_business_verbs": WORDS, "firm_park_heads": WORDS, "firm_subject_cues": WORDS,
        "firm_build_verbs": WORDS, "firm_facility_heads": WORDS, "company_context": WORDS,
        "foreign_prefixes": WORDS, "event_heads": WORDS, "glued_unit_ends": WORDS, "own_zone_words": WORDS, "section_verbs": WORDS, "section_heads": WORDS, "park_ends": WORDS,
        "self_bodies": WORDS, "aspiration_words": WORDS, "brand_tags": WORDS,
        "firm_project_heads": WORDS, "firm_project_openers": WORDS, "headquarters_regions": WORDS,
        "place_kind_openers": WORDS, "section_office_functions": WORDS,
    },
    "people": {
        "surnames": WORDS, "compound_surnames": WORDS, "not_given_name_final": WORDS,
        "not_names": WORDS, "place_type_openers": WORDS, "official_titles": WORDS,
    },
    "responsibility": {
        "patterns": PATTERNS,
        "lead_labels": WORDS, "responsible_labels": WORDS, "participant_labels": WORDS,
        "task_columns": WORDS, "person_columns": WORDS, "deadline_columns": WORDS,
        "project_columns": WORDS, "investment_columns": WORDS, "area_columns": WORDS,
        "content_columns": WORDS, "lead_verbs": WORDS, "lead_qualifiers": WORDS,
        "not_after_lead_verb": WORDS, "project_back_references": WORDS, "batch_references": WORDS, "participant_verbs": WORDS, "participant_preps": WORDS,
        "forward_references": WORDS, "backward_references": WORDS, "object_qualifiers": WORDS,
        "modal_words": WORDS, "speech_verbs": WORDS, "lead_object_verbs": WORDS,
        "section_references": WORDS, "item_reference": TEXT,
        "whole_task_words": WORDS, "unit_suffixes": WORDS, "table_unit_suffixes": WORDS,
        "company_suffixes": WORDS, "generic_units": WORDS, "total_row_labels": WORDS,
        "first_unit_leads": REGEXES, "framing_openers": WORDS, "place_openers": WORDS, "framing_verbs": WORDS,
        "built_count_units": WORDS, "indicator_headings": REGEXES, "construction_verbs": WORDS,
        "progress_words": WORDS, "heading_verbs": WORDS, "topic_heading_ends": WORDS, "facility_heads": WORDS,
        "task_project_verbs": WORDS, "task_project_heads": WORDS, "task_project_tails": WORDS,
        "task_project_work_ends": WORDS, "task_project_capacity": TEXT,
        "task_project_generic": WORDS, "progress_statuses": WORDS,
    },
    "targets": {
        "patterns": PATTERNS,
        "units": WORD_MAP, "creation_verbs": WORDS, "numeral_word_chars": WORDS,
        "vague_classifiers": WORDS, "attribute_units": WORDS, "always_attribute_before": WORDS,
        "attribute_before": WORDS, "agreed_totals": WORDS, "land_verbs": WORDS, "indicator_modifiers": WORDS,
        "table_goal_words": WORDS, "table_note_labels": WORDS, "table_actual_words": WORDS, "table_growth_words": WORDS, "table_header_words": WORDS,
        "table_columns": WORD_MAP, "table_metric_words": WORDS, "table_text_words": WORDS,
        "project_table_name": WORDS, "project_table_columns": WORDS, "duration_units": WORDS,
        "distance_units": WORDS, "rank_nouns": WORDS, "existing_markers": WORDS,
        "process_verbs": WORDS, "result_verbs": WORDS, "past_strong": WORDS, "report_openers": WORDS, "past_markers": WORDS,
        "commitment_words": WORDS, "present_words": WORDS, "past_sections": WORDS, "past_section_blockers": WORDS,
        "forward_section_words": WORDS, "progress_section_ends": WORDS, "metric_prefix": WORDS, "metric_verbs": WORDS,
        "metric_suffix": WORDS, "metric_time_words": WORDS, "count_noun_stops": WORDS, "growth_words": WORDS, "share_words": WORDS,
    },
}

OPTIONAL = frozenset({"patterns"})
"""Keys a file may leave out."""

TABLES = {"abbreviations": 2}
"""Tab-separated files and the columns every row needs (short form, full form)."""
