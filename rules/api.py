from django.http import JsonResponse


def outcome(request):
    return JsonResponse({}, status=501)


def schema(request):
    return JsonResponse({}, status=501)
