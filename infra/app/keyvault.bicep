// Key Vault in RBAC mode with soft delete and purge protection: it holds the venue keys (<venue>-api-key,
// <venue>-api-secret), which the app identity may read and only the operator may write.

@description('Vault name (3-24 letters, digits and hyphens).')
param name string

@description('Azure region.')
param location string

@description('Tags for the vault.')
param tags object

@description('default creates the vault; recover brings back a soft-deleted vault of the same name (with its secrets).')
@allowed([
  'default'
  'recover'
])
param createMode string

@description('Name of the principal (the app identity), a stable part of the role assignment names.')
param principalName string

@description('Principal id of the app identity (reads secrets).')
param principalId string

@description('Object id of the operator who writes venue keys; empty grants nobody write access.')
param operatorPrincipalId string

@description('Role definition id granted to the app: Key Vault Secrets User.')
param appRoleId string

@description('Role definition id granted to the operator: Key Vault Secrets Officer.')
param operatorRoleId string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    createMode: createMode
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalName, appRoleId)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', appRoleId)
  }
}

resource operatorWritesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, operatorRoleId)
  scope: vault
  properties: {
    principalId: operatorPrincipalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', operatorRoleId)
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
