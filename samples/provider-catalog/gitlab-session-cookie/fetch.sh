curl -b '_gitlab_session=96d2d6e2336cdc18fd4fd40a281983ed' https://gitlab.acme.io/api/v4/projects
