// The Flex Consumption function app running our custom handler (host.json: `TradingBot.Functions`, a Native AOT executable) on the
// dotnet-isolated 10.0 runtime, as the user-assigned identity. Every connection is identity-based: the app settings
// name endpoints and the identity's client id, never a key or a connection string. Venue keys are Key Vault
// references, resolved by the platform with the same identity.

@description('Function app name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags for the plan and the app (the app also gets azd-service-name).')
param tags object

@description('Name of the app\'s user-assigned identity.')
param identityName string

@description('Host storage account (AzureWebJobsStorage and the deployment package).')
param hostStorageName string

@description('Blob container in the host storage account that receives the deployment package.')
param deploymentContainerName string

@description('Storage account of the bot\'s tables (TableConnection).')
param dataStorageName string

@description('Fully qualified Service Bus namespace (ServiceBusConnection).')
param serviceBusNamespace string

@description('Key Vault holding the venue keys.')
param keyVaultName string

@description('Application Insights component.')
param applicationInsightsName string

@description('Integration subnet (static outbound IP through its NAT gateway); empty: no VNet integration.')
param subnetId string

@description('Most instances the app scales out to.')
param maximumInstanceCount int

@description('Memory per instance (MB).')
param instanceMemoryMB int

@description('One entry per venue: { id, mode: Paper|Live, keysInVault: bool }.')
param venues array

@description('Entra ID app registration (client id) for App Service authentication; empty: the API authenticates with the keys in Key Vault.')
param entraClientId string

@description('Delivery on which the pipeline records a failing message as poison: the subscriptions\' maxDeliveryCount.')
param maxDeliveryCount int

@description('Non-secret tunables (infra/app-settings.json); the settings below win over them.')
param tunables object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource hostStorage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: hostStorageName
}

resource dataStorage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: dataStorageName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var clientId = identity.properties.clientId

// Trading mode per venue: Paper unless the deployment says Live (the app's default is Paper too).
var venueModes = toObject(venues, venue => 'Trading__Venues__${venue.id}__Mode', venue => venue.mode)

// Key Vault references under the names the venue adapters read (Venues__<venue>__ApiKey/ApiSecret), pointing at the
// secrets `tradingbot secrets set` writes (<venue>-api-key, <venue>-api-secret). Only for venues whose keys are in the
// vault (always for Live ones): an unresolvable reference would reach the app as its literal text.
var venueKeys = reduce(
  filter(venues, venue => venue.keysInVault || venue.mode == 'Live'),
  {},
  (settings, venue) =>
    union(settings, {
      'Venues__${venue.id}__ApiKey': '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${venue.id}-api-key)'
      'Venues__${venue.id}__ApiSecret': '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${venue.id}-api-secret)'
    })
)

// The API's authentication (docs/api.md, docs/deploy.md). The keys are Key Vault references to the secrets the azd
// postprovision hook creates once (infra/hooks): until they exist the app receives the reference text, which it never
// accepts as a key (401, fail closed). With an Entra ID app registration, App Service authentication signs callers in
// (authSettings below) and the app reads their roles instead; the keys stay referenced so switching back is one
// provision.
var apiAuth = {
  Api__Auth__Mode: empty(entraClientId) ? 'Key' : 'AppService'
  Api__Auth__Key: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=api-key)'
  Api__Auth__ViewerKey: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=api-viewer-key)'
}

var managedSettings = {
  // Functions host storage: blob only (timers, leases, host keys), as the identity.
  AzureWebJobsStorage__blobServiceUri: hostStorage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: clientId
  // Every serviceBusTrigger and serviceBus output uses connection "ServiceBusConnection".
  ServiceBusConnection__fullyQualifiedNamespace: serviceBusNamespace
  ServiceBusConnection__credential: 'managedidentity'
  ServiceBusConnection__clientId: clientId
  // The bot's tables (TradingBot.Storage reads TableConnection__tableServiceUri + __clientId).
  TableConnection__tableServiceUri: dataStorage.properties.primaryEndpoints.table
  TableConnection__credential: 'managedidentity'
  TableConnection__clientId: clientId
  // The app's secret store reads the vault directly (with the identity).
  KeyVault__Uri: keyVault.properties.vaultUri
  KeyVault__ClientId: clientId
  AZURE_CLIENT_ID: clientId
  // Telemetry with Entra ID auth (the component has local auth disabled: the connection string alone cannot ingest).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${clientId};Authorization=AAD'
  Pipeline__MaxDeliveryCount: string(maxDeliveryCount)
}

var appSettings = union(tunables, managedSettings, apiAuth, venueModes, venueKeys)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostStorage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      vnetRouteAllEnabled: !empty(subnetId)
      appSettings: map(items(appSettings), setting => { name: setting.key, value: setting.value })
    }
  }
}

// App Service authentication with Entra ID, only when a client id is given. Every request must be signed in except
// /api/health (probes); an unsigned request gets 401, not a redirect, because the API's callers are scripts and the
// dashboard's fetches (browsers sign in at /.auth/login/aad). platform.enabled is what turns the module on: without it
// the settings are stored but nothing is enforced. No client secret: browsers sign in with an ID token.
resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(entraClientId)) {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: [
        '/api/health'
      ]
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            entraClientId
            'api://${entraClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'
