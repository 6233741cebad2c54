"""The read model: every question a person asks the store, answered once, for the CLI, the
REST API (and so the web UI) and the exports alike. Each module owns one noun:

    entities   find_entity, entities_named (any spelling, alias or id), list/entities_query,
               entities_with_aliases, resolved_mentions (the exports'), mention_labels
    events     EventFilter, events_query / list_events, get_event, event_mentions,
               event_ids (the explorer's), dated_events (the timeline)
    claims     claims_filtered, list_claims, event_with_claims, claims_by_event (the exports')
    dossier    dossier (the API's), dossier_named (with the terminal's summary),
               mention_citations (the dossier export's)
    documents  documents_query, findings (what was found in one document), document_rows
    search     search_documents (SQLite FTS5 or PostgreSQL tsvector); named_entities,
               mentioned_in, with_phrases (search that knows an entity's other spellings)
    network    network, event_pairs, sentence_pairs (co-event + co-sentence)
    ego        ego_network: one entity's links, one or two hops, with their evidence
    evidence   mention_evidence: where each fact of an event was read (spans)
    map        located_events, feature (GeoJSON)
    judgements judgements_query, list_judgements, judgements_about
    intake     what one ingest run made of each input (the workbench's Add reports)
    relations  relations_of / list_relations (typed, dated, with claims), dossier_relations
    columns    the column lists and claims query the others share, count_rows (a page's total)
    records    the typed record every answer is (TypedDicts): the API's response models too

Functions take an open connection (`store.read()`), so a caller can ask several questions of
one snapshot; they return the records of `records` (dicts, typed key by key), which the API
serves as they are and the web UI's generated types describe.
"""
