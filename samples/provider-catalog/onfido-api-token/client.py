client = Onfido(api_key="api_sandbox.qSvI4D8b7eG.hpShD_Vw-EdzcfKXitN8vQ7Tmbe04C4q")
