#!/bin/sh
# A stand-in for the Azure CLI in the postprovision hook tests (copied onto PATH as `az`). It records every call (one
# line of arguments) in $FAKE_AZ_LOG and keeps the vault's secrets as files in $FAKE_AZ_VAULT. $FAKE_AZ_FORBIDDEN names
# a file holding how many secret reads answer 403 first (a role assignment still propagating). Errors are worded as
# the Azure CLI words them.
printf '%s\n' "$*" >>"$FAKE_AZ_LOG"
name=""
file=""
previous=""
for argument in "$@"; do
  case "$previous" in
    --name) name="$argument" ;;
    --file) file="$argument" ;;
  esac
  previous="$argument"
done

case "$*" in
  "keyvault secret show "*)
    left="$(cat "$FAKE_AZ_FORBIDDEN" 2>/dev/null || echo 0)"
    if [ "$left" -gt 0 ]; then
      echo $((left - 1)) >"$FAKE_AZ_FORBIDDEN"
      echo "ERROR: (Forbidden) Caller is not authorized to perform action on resource. Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'" >&2
      exit 1
    fi
    if [ -f "$FAKE_AZ_VAULT/$name" ]; then
      echo "https://kv-test.vault.azure.net/secrets/$name/0001"
      exit 0
    fi
    echo "ERROR: (SecretNotFound) A secret with (name/id) $name was not found in this key vault." >&2
    exit 3
    ;;
  "keyvault secret set "*)
    cp "$file" "$FAKE_AZ_VAULT/$name" || exit 1
    echo "https://kv-test.vault.azure.net/secrets/$name/0002"
    ;;
  "functionapp show "*)
    echo "/subscriptions/00000000-0000-0000-0000-00000000a2d1/resourceGroups/rg-bot-test/providers/Microsoft.Web/sites/func-test"
    ;;
  "rest "*)
    echo "{}"
    ;;
  *)
    echo "ERROR: fake az does not know: $*" >&2
    exit 2
    ;;
esac
