from .common import ClientHubCase


class TestCorrectionDialogLabelsInRussian(ClientHubCase):
    """The correction dialog asks for a free-text reason and for the cause (after the sale / at the
    sale): in Russian the two labels must still tell the fields apart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(["client_hub"], ["ru_RU"], overwrite=True)

    def test_reason_and_cause_have_distinct_russian_labels(self):
        fields = (
            self.env["account.move.correction"].with_context(lang="ru_RU").fields_get(["reason", "cause"])
        )
        self.assertNotEqual(
            fields["reason"]["string"],
            fields["cause"]["string"],
            "the Russian correction dialog shows two fields both labelled the same",
        )
