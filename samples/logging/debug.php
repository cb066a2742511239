<?php
function callApi(string $apiKey): void {
    error_log("calling API with key " . $apiKey);
    echo "calling API\n";
}
