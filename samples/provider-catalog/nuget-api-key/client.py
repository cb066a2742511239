client = NuGetClient(api_key="oy23iaoifcvqwf10hnghedhi06ub7q1zfencjdih7kepod")
