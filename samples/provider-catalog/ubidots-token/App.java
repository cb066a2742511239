String ubidotsToken = "BBFF-FisimfSRzHho1jVB6w3fhK3LjY4sjj";
