#!/bin/sh
# azd postprovision hook (azure.yaml, posix): makes the API usable right after `azd up` while its keys live only in
# Key Vault. The function app's settings Api__Auth__Key and Api__Auth__ViewerKey are Key Vault references to the secrets
# api-key (viewer + trader) and api-viewer-key (viewer only). This script creates each secret with a random 256-bit
# value ONLY when it is missing, so a later `azd provision` never rotates a key. Then it asks App Service to resolve
# the app's Key Vault references again, so the app does not wait for its next restart. It prints how to read a key,
# never a key.
#
# Input (the azd environment, which azd passes to hooks): AZURE_KEY_VAULT_NAME, AZURE_RESOURCE_GROUP,
# AZURE_FUNCTION_APP_NAME, AZURE_FUNCTION_URI, optional ENTRA_CLIENT_ID. Outside azd it asks `azd env get-value`.
# Needs the Azure CLI signed in as a principal with Key Vault Secrets Officer on the vault (the azd user gets it), and
# openssl or od for randomness. POSIX sh only.
# TRADINGBOT_HOOK_RETRIES / TRADINGBOT_HOOK_RETRY_SECONDS: how long to wait for a fresh role assignment to apply.
set -eu

secrets="api-key api-viewer-key"
retries="${TRADINGBOT_HOOK_RETRIES:-12}"
delay="${TRADINGBOT_HOOK_RETRY_SECONDS:-15}"

say() { echo "postprovision: $*"; }
fail() { echo "postprovision: error: $*" >&2; exit 1; }

# The azd environment value of $1 (from the process environment, else from azd).
setting() {
  eval "value=\${$1:-}"
  if [ -z "$value" ] && command -v azd >/dev/null 2>&1; then
    value="$(azd env get-value "$1" 2>/dev/null || true)"
  fi
  printf '%s' "$value"
}

random_key() {
  if command -v openssl >/dev/null 2>&1; then
    openssl rand -hex 32
  else
    od -An -N32 -tx1 /dev/urandom
  fi | tr -d ' \n'
}

vault="$(setting AZURE_KEY_VAULT_NAME)"
group="$(setting AZURE_RESOURCE_GROUP)"
app="$(setting AZURE_FUNCTION_APP_NAME)"
uri="$(setting AZURE_FUNCTION_URI)"
entra="$(setting ENTRA_CLIENT_ID)"
[ -n "$vault" ] || fail "AZURE_KEY_VAULT_NAME is not set (run through azd, or after \`azd provision\`)"
[ -n "$group" ] && [ -n "$app" ] || fail "AZURE_RESOURCE_GROUP and AZURE_FUNCTION_APP_NAME must be set"
command -v az >/dev/null 2>&1 || fail "the Azure CLI (az) is required; install it and run \`az login\`"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT INT TERM

# Exit status 0 when secret $1 exists, 1 when it does not. Any other answer (typically 403 while the role assignment
# this provision made propagates) is retried, then fails: a secret is never created on a guess.
secret_exists() {
  attempt=1
  while :; do
    if az keyvault secret show --vault-name "$vault" --name "$1" --query id -o tsv >/dev/null 2>"$work/error"; then
      return 0
    fi
    if grep -q -e 'SecretNotFound' -e 'was not found' "$work/error"; then
      return 1
    fi
    [ "$attempt" -lt "$retries" ] || fail "cannot read secret '$1' in $vault: $(cat "$work/error")"
    say "$vault is not readable yet (new role assignments take minutes); retry $attempt of $retries in ${delay}s"
    attempt=$((attempt + 1))
    sleep "$delay"
  done
}

# Writes a new random value for secret $1 from a private temporary file (never on a command line, never printed).
create_secret() {
  (umask 077 && random_key >"$work/value")
  [ "$(wc -c <"$work/value")" -ge 64 ] || fail "could not generate a random key"
  if ! az keyvault secret set --vault-name "$vault" --name "$1" --file "$work/value" --encoding utf-8 \
    --content-type "TradingBot API key" --query id -o tsv >/dev/null 2>"$work/error"; then
    rm -f "$work/value"
    fail "cannot create secret '$1' in $vault: $(cat "$work/error")"
  fi
  rm -f "$work/value"
}

created=0
for secret in $secrets; do
  if secret_exists "$secret"; then
    say "$secret is in $vault: kept (provisioning never rotates it)"
  else
    create_secret "$secret"
    created=$((created + 1))
    say "$secret created in $vault (random 256-bit key, not printed)"
  fi
done

# A reference that failed to resolve is cached until a restart or configuration change (at the latest 24 hours):
# ask for a fresh resolution now. Not fatal: the app answers 401 until it has the keys.
if [ "$created" -gt 0 ]; then
  if app_id="$(az functionapp show -g "$group" -n "$app" --query id -o tsv 2>"$work/error")" && [ -n "$app_id" ] \
    && az rest --method post --url "$app_id/config/configreferences/appsettings/refresh?api-version=2022-03-01" >/dev/null 2>"$work/error"; then
    say "asked $app to resolve its Key Vault references again"
  else
    say "warning: could not refresh $app's Key Vault references ($(head -n 1 "$work/error")); restart the app to load the keys now: az functionapp restart -g $group -n $app"
  fi
fi

echo
if [ -n "$entra" ]; then
  say "the API signs callers in with Entra ID (app registration $entra); the keys are kept for a switch back."
  say "dashboard: ${uri}/.auth/login/aad?post_login_redirect_uri=/ (users need the app role viewer or trader)"
else
  say "read the API key (viewer + trader):  az keyvault secret show --vault-name $vault --name api-key --query value -o tsv"
  say "read the read-only key (viewer):     az keyvault secret show --vault-name $vault --name api-viewer-key --query value -o tsv"
  say "dashboard: ${uri}/ (paste the key); API: curl -H \"x-functions-key: <key>\" ${uri}/api/portfolio"
fi
