"""Forms of the notifications feature: one radio group per kind."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SubmitField
from wtforms.fields.choices import SelectChoice

from alumni_hub.notifications.kinds import (DELIVERY_LABELS, FEATURE, FEATURE_LABELS, LABELS,
                                           Delivery, Kind)


class _PreferencesBase(FlaskForm):
    submit = SubmitField(_l("Einstellungen speichern"))

    def limit_to(self, kinds: list[Kind]) -> None:
        """Drop the fields of other kinds: not shown, not validated, their choice untouched."""
        for kind in Kind:
            if kind not in kinds:
                del self[kind.value]

    def kind_fields(self):
        return [(kind, self[kind.value]) for kind in Kind if kind.value in self]

    def kind_groups(self):
        """[(feature label, [(kind, field), ...]), ...] for one table section per feature."""
        groups: dict[str, list] = {}
        for kind, field in self.kind_fields():
            groups.setdefault(FEATURE[kind], []).append((kind, field))
        return [(FEATURE_LABELS[feature], rows) for feature, rows in groups.items()]

    @staticmethod
    def delivery_columns():
        return [(delivery.value, DELIVERY_LABELS[delivery]) for delivery in Delivery]

    def deliveries(self) -> dict[Kind, Delivery]:
        return {kind: Delivery(field.data) for kind, field in self.kind_fields()}


def _build_form_class():
    choices = [SelectChoice(d.value, DELIVERY_LABELS[d]) for d in Delivery]
    fields = {kind.value: RadioField(LABELS[kind], choices=choices) for kind in Kind}
    return type("PreferencesForm", (_PreferencesBase,), fields)


PreferencesForm = _build_form_class()
