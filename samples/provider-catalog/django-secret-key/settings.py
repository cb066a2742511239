SECRET_KEY = 'django-insecure-k35kdzif*nw=c+44y(f4c51tgah1%%8n3c1ic!7^+k-#on#fr&'
