"""Reviewer identity from the database (PostgreSQL): roles, privileges, row-level security.

On PostgreSQL each reviewer is a database role, member of ``workbench_reviewer``
(adjudicators also of ``workbench_adjudicator``; ``workbench team add-reviewer``
makes them). The database itself then enforces, whatever client connects:

- a reviewer reads every table, and adds reports, claims, sources, verdicts,
  second-review requests and event edits, but may never UPDATE or DELETE a verdict,
  a request or an edit (no privilege; the append-only triggers stop the owner too);
- a verdict row is inserted only under the connected role's own name
  (``reviewer = current_user``), and a second-review request only as the requester;
- on a claim under blind second review, other reviewers' verdicts are invisible
  to a role until it has given its own (or until two reviewers have answered, so an
  adjudicator can see the disagreement);
- an adjudication row needs membership of ``workbench_adjudicator`` and no review
  of one's own on that claim (no ruling on a disagreement one is party to).

The table owner (who runs the migrations) and superusers are not bound by row-level
security: they administer the database. SQLite has no roles; nothing happens there.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

REVIEWER_GROUP = "workbench_reviewer"
ADJUDICATOR_GROUP = "workbench_adjudicator"

_READ_AND_ADD = (
    "reports",
    "sources",
    "claims",
    "claim_sources",
    "verdicts",
    "review_requests",
    "event_edits",
)
_READ_AND_CHANGE = ("events", "event_claims")  # the automatic grouping, rebuilt on edits


def _create_group(name: str) -> None:
    # Roles belong to the whole server: another workbench database (or a test running
    # beside this one) may have made it first; a migrator without CREATEROLE skips it.
    op.execute(
        f"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN
                CREATE ROLE {name} NOLOGIN;
            END IF;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
                RAISE NOTICE 'no CREATEROLE: role {name} not created';
        END $$
        """
    )


def _grant(statement: str, group: str) -> None:
    """Run a GRANT for ``group`` if the role exists (see ``_create_group``)."""
    escaped = statement.replace("'", "''")
    op.execute(
        f"""
        DO $$ BEGIN
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN
                EXECUTE '{escaped}';
            END IF;
        END $$
        """
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    schema = op.get_bind().exec_driver_sql("SELECT current_schema()").scalar_one()
    quoted = '"' + str(schema).replace('"', '""') + '"'
    _create_group(REVIEWER_GROUP)
    _create_group(ADJUDICATOR_GROUP)
    _grant(f"GRANT {REVIEWER_GROUP} TO {ADJUDICATOR_GROUP}", ADJUDICATOR_GROUP)
    _grant(f"GRANT USAGE ON SCHEMA {quoted} TO {REVIEWER_GROUP}", REVIEWER_GROUP)
    _grant(f"GRANT SELECT ON ALL TABLES IN SCHEMA {quoted} TO {REVIEWER_GROUP}", REVIEWER_GROUP)
    _grant(f"GRANT INSERT ON {', '.join(_READ_AND_ADD)} TO {REVIEWER_GROUP}", REVIEWER_GROUP)
    _grant(
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(_READ_AND_CHANGE)} TO {REVIEWER_GROUP}",
        REVIEWER_GROUP,
    )
    _grant(
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {quoted} TO {REVIEWER_GROUP}",
        REVIEWER_GROUP,
    )

    # Helpers for the policies. SECURITY DEFINER: they read every verdict row (as the
    # owner, whom row-level security does not bind), which a policy on ``verdicts``
    # could not do itself without recursing. search_path is pinned to this schema.
    op.execute(
        f"""
        CREATE FUNCTION workbench_blind(claim text, viewer text) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {quoted}, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM review_requests AS r WHERE r.claim_id = claim)
               AND NOT EXISTS (
                   SELECT 1 FROM verdicts AS v
                   WHERE v.claim_id = claim AND v.reviewer = viewer AND v.label IS NOT NULL)
               AND (SELECT count(DISTINCT v.reviewer) FROM verdicts AS v
                    WHERE v.claim_id = claim AND v.role = 'review'
                      AND v.label IS NOT NULL) < 2
        $$
        """
    )
    op.execute(
        f"""
        CREATE FUNCTION workbench_party(claim text, who text) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {quoted}, pg_temp AS $$
            SELECT EXISTS (
                SELECT 1 FROM verdicts AS v
                WHERE v.claim_id = claim AND v.reviewer = who AND v.role = 'review'
                  AND v.label IS NOT NULL)
        $$
        """
    )
    op.execute("ALTER TABLE verdicts ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY verdicts_visible ON verdicts FOR SELECT USING ("
        "reviewer = current_user::text OR NOT workbench_blind(claim_id, current_user::text))"
    )
    op.execute(
        "CREATE POLICY verdicts_own_rows ON verdicts FOR INSERT WITH CHECK ("
        "reviewer = current_user::text AND (role = 'review' OR (role = 'adjudication' "
        f"AND pg_has_role(current_user, '{ADJUDICATOR_GROUP}', 'MEMBER') "
        "AND NOT workbench_party(claim_id, current_user::text))))"
    )
    op.execute("ALTER TABLE review_requests ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY review_requests_visible ON review_requests FOR SELECT USING (true)")
    op.execute(
        "CREATE POLICY review_requests_own_rows ON review_requests FOR INSERT "
        "WITH CHECK (requested_by = current_user::text)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for policy, table in (
        ("verdicts_visible", "verdicts"),
        ("verdicts_own_rows", "verdicts"),
        ("review_requests_visible", "review_requests"),
        ("review_requests_own_rows", "review_requests"),
    ):
        op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
    op.execute("ALTER TABLE verdicts DISABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE review_requests DISABLE ROW LEVEL SECURITY")
    op.execute("DROP FUNCTION IF EXISTS workbench_blind(text, text)")
    op.execute("DROP FUNCTION IF EXISTS workbench_party(text, text)")
