"""The read model: every question a person asks the store, answered once, for the CLI, the
REST API (and so the web UI) and the exports alike. Each module owns one noun:

    entities   find_entity, entities_named (any spelling, alias or id), list/entities_query
    events     EventFilter, events_query / list_events, get_event, event_mentions
    claims     claims_filtered, list_claims, event_with_claims
    dossier    dossier (the API's), dossier_named (with the terminal's summary)
    documents  documents_query, findings (what was found in one document)
    search     search_documents (SQLite FTS5 or PostgreSQL tsvector)
    network    network, event_pairs, sentence_pairs (co-event + co-sentence)
    map        located_events, feature (GeoJSON)
    judgements judgements_query, list_judgements, judgements_about
    relations  relations_of / list_relations (typed, dated, with claims), dossier_relations
    columns    the column lists and claims query the others share
    records    the typed record every answer is (TypedDicts): the API's response models too

Functions take an open connection (`store.read()`), so a caller can ask several questions of
one snapshot; they return the records of `records` (dicts, typed key by key), which the API
serves as they are and the web UI's generated types describe.
"""
