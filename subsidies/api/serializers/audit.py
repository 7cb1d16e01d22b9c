"""The audit trail as the API shows it."""
from rest_framework import serializers

from workflows.models import AuditRecord


class AuditRecordSerializer(serializers.ModelSerializer):
    object_type = serializers.SerializerMethodField()

    class Meta:
        model = AuditRecord
        fields = ["volgnummer", "tijdstip", "actor", "actor_weergave", "object_type", "object_id",
                  "object_weergave", "actie", "handeling", "van_status", "naar_status", "toelichting",
                  "wijzigingen", "request_id", "vorige_hash", "hash"]

    def get_object_type(self, record) -> str:
        return f"{record.object_type.app_label}.{record.object_type.model}"
