from django.core.management.base import BaseCommand

from questionnaire import question_map


class Command(BaseCommand):
    help = "Writes questionnaire/question_map.json, the map of the questions (make question-map)."

    def handle(self, *args, **options):
        question_map.MAP_FILE.write_text(question_map.generate(), encoding="utf-8")
