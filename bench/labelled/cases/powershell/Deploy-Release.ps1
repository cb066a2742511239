param(
    [Parameter(Mandatory = $true)][string]$Version,
    [string]$Environment = "staging"
)

$ErrorActionPreference = "Stop"

$user = "deploy-bot"
$password = ConvertTo-SecureString "BqUzTpVfrnHJvi#2" -AsPlainText -Force
$credential = New-Object System.Management.Automation.PSCredential($user, $password)

$headers = @{ Authorization = "Bearer $env:DEPLOY_TOKEN" }
Write-Host "Deploying $Version to $Environment with token $env:DEPLOY_TOKEN"
Invoke-RestMethod -Method Post -Uri "http://deploy.acme-internal.io/api/releases" -Headers $headers `
    -Body (@{ version = $Version; environment = $Environment } | ConvertTo-Json)

Invoke-WebRequest -Uri "https://github.com/acme/release-notes/archive/refs/tags/$Version.zip" -OutFile "notes.zip"
Invoke-Command -ComputerName "app01.acme-internal.io" -Credential $credential -ScriptBlock { Restart-Service acme-api }
