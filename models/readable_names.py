def readable_names(records):
    """The names of `records` for an error message to the current user: those the user may read by
    name, the others as "another record" (never the name of a record the user may not read: an
    error message is no oracle). Checked as the user even when the caller runs in sudo."""
    env = records.env
    if not records:
        return ""
    readable = records.with_user(env.uid)._filtered_access("read")
    return ", ".join(
        record.sudo().display_name if record in readable else env._("another record") for record in records
    )
