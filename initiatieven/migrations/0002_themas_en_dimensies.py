"""Reference data: the policy's themes and the six dimensions of positieve gezondheid (nota Sociale Basis fase 2).

A beheerder can add themes later in the admin; the dimensions are fixed by the model (Huber's positieve gezondheid).
"""
from django.db import migrations

THEMAS = [
    ("ouderen", "Ouderen"), ("eenzaamheid", "Eenzaamheid"), ("mantelzorg", "Mantelzorg"),
    ("vrijwillige-inzet", "Vrijwillige inzet"), ("jeugd", "Jeugd"), ("armoede", "Armoede"),
    ("gezondheid", "Gezondheid"), ("cultuur", "Cultuur"), ("sport", "Sport en bewegen"),
    ("diversiteit", "Diversiteit en inclusie"), ("veiligheid", "Veiligheid"), ("ontmoeting", "Ontmoeting"),
    ("leefbaarheid", "Leefbaarheid"), ("taal", "Taal en geletterdheid"), ("groen", "Groen en duurzaamheid"),
]
DIMENSIES = [
    ("kwaliteit_van_leven", "Kwaliteit van leven"), ("lichaamsfuncties", "Lichaamsfuncties"),
    ("zingeving", "Zingeving"), ("dagelijks_functioneren", "Dagelijks functioneren"), ("meedoen", "Meedoen"),
    ("mentaal_welbevinden", "Mentaal welbevinden"),
]


def vul(apps, schema_editor):
    Thema, Dimensie = apps.get_model("initiatieven", "Thema"), apps.get_model("initiatieven", "Dimensie")
    for code, naam in THEMAS:
        Thema.objects.get_or_create(code=code, defaults={"naam": naam})
    for volgorde, (code, naam) in enumerate(DIMENSIES, start=1):
        Dimensie.objects.get_or_create(code=code, defaults={"naam": naam, "volgorde": volgorde})


class Migration(migrations.Migration):
    dependencies = [("initiatieven", "0001_initial")]

    operations = [migrations.RunPython(vul, migrations.RunPython.noop)]
