# azd postprovision hook (azure.yaml, windows): the PowerShell twin of postprovision.sh; keep the two in step.
# Makes the API usable right after `azd up` while its keys live only in Key Vault. The function app's settings
# Api__Auth__Key and Api__Auth__ViewerKey are Key Vault references to the secrets api-key (viewer + trader) and
# api-viewer-key (viewer only). This script creates each secret with a random 256-bit value ONLY when it is missing, so
# a later `azd provision` never rotates a key. Then it asks App Service to resolve the app's Key Vault references
# again. It prints how to read a key, never a key.
#
# Input (the azd environment): AZURE_KEY_VAULT_NAME, AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME, AZURE_FUNCTION_URI,
# optional ENTRA_CLIENT_ID. Needs the Azure CLI signed in with Key Vault Secrets Officer on the vault.
# TRADINGBOT_HOOK_RETRIES / TRADINGBOT_HOOK_RETRY_SECONDS: how long to wait for a fresh role assignment to apply.
Set-StrictMode -Version Latest

$secrets = @('api-key', 'api-viewer-key')
$retries = if ($env:TRADINGBOT_HOOK_RETRIES) { [int]$env:TRADINGBOT_HOOK_RETRIES } else { 12 }
$delay = if ($env:TRADINGBOT_HOOK_RETRY_SECONDS) { [int]$env:TRADINGBOT_HOOK_RETRY_SECONDS } else { 15 }

function Say([string] $text) { Write-Host "postprovision: $text" }
function Fail([string] $text) { [Console]::Error.WriteLine("postprovision: error: $text"); exit 1 }

# The azd environment value of $name (from the process environment, else from azd).
function Get-Setting([string] $name) {
    $value = [Environment]::GetEnvironmentVariable($name)
    if (-not $value -and (Get-Command azd -ErrorAction SilentlyContinue)) {
        $value = & azd env get-value $name 2>$null
        if ($LASTEXITCODE -ne 0) { $value = '' }
    }
    return "$value".Trim()
}

function New-RandomKey {
    $bytes = New-Object byte[] 32
    $generator = [System.Security.Cryptography.RandomNumberGenerator]::Create()
    try { $generator.GetBytes($bytes) } finally { $generator.Dispose() }
    return -join ($bytes | ForEach-Object { $_.ToString('x2') })
}

$vault = Get-Setting 'AZURE_KEY_VAULT_NAME'
$group = Get-Setting 'AZURE_RESOURCE_GROUP'
$app = Get-Setting 'AZURE_FUNCTION_APP_NAME'
$uri = Get-Setting 'AZURE_FUNCTION_URI'
$entra = Get-Setting 'ENTRA_CLIENT_ID'
if (-not $vault) { Fail 'AZURE_KEY_VAULT_NAME is not set (run through azd, or after `azd provision`)' }
if (-not $group -or -not $app) { Fail 'AZURE_RESOURCE_GROUP and AZURE_FUNCTION_APP_NAME must be set' }
if (-not (Get-Command az -ErrorAction SilentlyContinue)) { Fail 'the Azure CLI (az) is required; install it and run `az login`' }

$errorFile = [IO.Path]::GetTempFileName()

# $true when the secret exists, $false when it does not; any other answer (typically 403 while a new role assignment
# propagates) is retried, then fails: a secret is never created on a guess.
function Test-Secret([string] $name) {
    for ($attempt = 1; ; $attempt++) {
        & az keyvault secret show --vault-name $vault --name $name --query id -o tsv 2>$errorFile | Out-Null
        if ($LASTEXITCODE -eq 0) { return $true }
        $text = Get-Content -Raw $errorFile
        if ($text -match 'SecretNotFound|was not found') { return $false }
        if ($attempt -ge $retries) { Fail "cannot read secret '$name' in ${vault}: $text" }
        Say "$vault is not readable yet (new role assignments take minutes); retry $attempt of $retries in ${delay}s"
        Start-Sleep -Seconds $delay
    }
}

# Writes a new random value from a private temporary file (never on a command line, never printed).
function New-Secret([string] $name) {
    $file = [IO.Path]::GetTempFileName()
    try {
        [IO.File]::WriteAllText($file, (New-RandomKey))
        & az keyvault secret set --vault-name $vault --name $name --file $file --encoding utf-8 `
            --content-type 'TradingBot API key' --query id -o tsv 2>$errorFile | Out-Null
        if ($LASTEXITCODE -ne 0) { Fail "cannot create secret '$name' in ${vault}: $(Get-Content -Raw $errorFile)" }
    }
    finally {
        Remove-Item -Force $file -ErrorAction SilentlyContinue
    }
}

try {
    $created = 0
    foreach ($secret in $secrets) {
        if (Test-Secret $secret) {
            Say "$secret is in ${vault}: kept (provisioning never rotates it)"
        }
        else {
            New-Secret $secret
            $created++
            Say "$secret created in $vault (random 256-bit key, not printed)"
        }
    }

    # A reference that failed to resolve is cached until a restart or configuration change: resolve again now.
    if ($created -gt 0) {
        $id = & az functionapp show -g $group -n $app --query id -o tsv 2>$errorFile
        $refreshed = $false
        if ($LASTEXITCODE -eq 0 -and $id) {
            & az rest --method post --url "$id/config/configreferences/appsettings/refresh?api-version=2022-03-01" 2>$errorFile | Out-Null
            $refreshed = $LASTEXITCODE -eq 0
        }
        if ($refreshed) { Say "asked $app to resolve its Key Vault references again" }
        else { Say "warning: could not refresh $app's Key Vault references; restart the app to load the keys now: az functionapp restart -g $group -n $app" }
    }

    Write-Host ''
    if ($entra) {
        Say "the API signs callers in with Entra ID (app registration $entra); the keys are kept for a switch back."
        Say "dashboard: $uri/.auth/login/aad?post_login_redirect_uri=/ (users need the app role viewer or trader)"
    }
    else {
        Say "read the API key (viewer + trader):  az keyvault secret show --vault-name $vault --name api-key --query value -o tsv"
        Say "read the read-only key (viewer):     az keyvault secret show --vault-name $vault --name api-viewer-key --query value -o tsv"
        Say "dashboard: $uri/ (paste the key); API: curl -H `"x-functions-key: <key>`" $uri/api/portfolio"
    }
}
finally {
    Remove-Item -Force $errorFile -ErrorAction SilentlyContinue
}
