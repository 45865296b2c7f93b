"""The satisfaction survey: one cron run sending it to N clients against Odoo's rating request on N
tasks, and the page its e-mail's stars open (by token, anonymous) with 1 and with N ratings."""

import statistics
from datetime import date

import requests
from devlib import odoo_env

from .measure import step, timed
from .portal import bench_server, served

SURVEY_PAGE_CLIENT = "Survey page bench client"


def bench_survey(env, clients):
    """One cron run sending the satisfaction survey to N clients vs Odoo's rating request on N tasks
    (Odoo Project's customer rating), both into the mail queue (no SMTP); then the token page's
    queries with 1 and with N ratings of its client."""
    env = env(context={"tracking_disable": True, "mail_create_nolog": True})
    Partner = env["res.partner"]
    active = env.ref("client_hub.client_status_active")
    active.survey_interval_months = 3
    companies = Partner.create(
        [
            {
                "name": f"Survey {i}",
                "is_company": True,
                "email": f"survey{i}@example.com",
                "client_status_id": active.id,
            }
            for i in range(clients)
        ]
    )
    env["res.partner"].search([("is_client", "=", True), ("id", "not in", companies.ids)]).write(
        {"satisfaction_survey_date": date.today()}  # only the bench's clients are due
    )
    template = env.ref("project.rating_project_request_email_template")
    project = env["project.project"].create({"name": "Survey bench", "partner_id": companies[0].id})
    tasks = env["project.task"].create(
        [
            {"name": f"Task {i}", "project_id": project.id, "partner_id": company.id}
            for i, company in enumerate(companies)
        ]
    )
    env.flush_all()
    module = timed(env, lambda: (Partner._cron_send_satisfaction_surveys(), env.flush_all()))
    vanilla = timed(env, lambda: (tasks.rating_send_request(template, force_send=False), env.flush_all()))
    module["mails"] = env["mail.mail"].search_count([("body_html", "like", "/client_hub/rate/")])
    vanilla["mails"] = env["mail.mail"].search_count([]) - module["mails"]
    return {"module": module, "vanilla": vanilla}


def bench_survey_page(db, port, ratings, repetitions):
    """The token page as the e-mail's fourth star opens it (anonymous GET), its client with 1
    rating and then with `ratings`: queries and the server's time, median of the repetitions.
    The client is committed for the server to see it, and deleted at the end."""
    with odoo_env(db) as env:
        client, token = survey_page_client(env)
    path = f"/client_hub/rate/{token}/4"
    results = {}
    try:
        with bench_server(db, port) as base:
            session = requests.Session()
            rated = 0
            for count in (1, ratings):
                with odoo_env(db) as env:
                    env["rating.rating"].create(
                        [
                            {"client_id": client, "rating": 1 + i % 5, "channel": "phone"}
                            for i in range(rated, count)
                        ]
                    )
                rated = count
                step(f"  token page, its client with {count} rating(s)")
                served(session, base, path)  # warm the caches
                runs = [served(session, base, path) for _ in range(repetitions)]
                results[str(count)] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    finally:
        with odoo_env(db) as env:
            partners = env["res.partner"].browse(client)
            env["mail.mail"].search([("body_html", "like", token)]).unlink()
            env["rating.rating"].search([("client_id", "=", client)]).unlink()
            (partners | partners.child_ids).unlink()
    return {"ratings": ratings, **results}


def survey_page_client(env):
    """A client asked by e-mail: (its id, the access token of its open survey request)."""
    client = env["res.partner"].create(
        {
            "name": SURVEY_PAGE_CLIENT,
            "is_company": True,
            "email": "survey-page@example.com",
            "client_status_id": env.ref("client_hub.client_status_active").id,
        }
    )
    request = client._client_hub_send_surveys()
    return client.id, request.access_token
