#!/usr/bin/env bash
# The web faces' translations: for each face app (settings.WEB_FACES) update <app>/locale/en/LC_MESSAGES/django.po
# from its templates and Python (makemessages), then compile it to django.mo (compilemessages). Fill in every new or
# changed msgstr in the .po and run this again; tests/web/test_vertalingen.py fails on anything untranslated, fuzzy
# or not compiled. Needs GNU gettext (Debian: gettext).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$PWD/.venv/bin/python}
command -v xgettext >/dev/null || { echo "GNU gettext is needed (apt-get install gettext)" >&2; exit 1; }

faces=$("$PY" manage.py shell -v 0 -c 'from django.conf import settings; print(" ".join(settings.WEB_FACES))')
for app in $faces; do
  echo "messages: $app"
  mkdir -p "$app/locale"
  (cd "$app" && "$PY" ../manage.py makemessages --locale en --add-location file --no-obsolete --verbosity 0)
  # A new catalogue starts with a fuzzy header; ours is filled in, so the header counts.
  sed -i '1,20{/^#, fuzzy$/d}' "$app/locale/en/LC_MESSAGES/django.po"
  (cd "$app" && "$PY" ../manage.py compilemessages --locale en --verbosity 0)
done
