// TradingBot on Azure: one resource group holding the Flex Consumption function app (our custom handler), its
// identity, host storage, the bot's tables, Service Bus, Key Vault, Log Analytics + Application Insights and, when
// asked for, a NAT gateway for a static outbound IP. `azd up` deploys it (parameters: main.parameters.json).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name: names the resource group and seeds every other resource name.')
param environmentName string

@minLength(1)
@description('Azure region of every resource; it must offer Flex Consumption.')
param location string

@description('Object id of whoever runs azd: gets Key Vault Secrets Officer (venue keys, `tradingbot secrets set`) and Storage Table Data Contributor on the bot\'s tables (markets, strategies). Empty: no human access.')
param principalId string = ''

@description('Binance trading mode: Paper (orders go to the venue\'s paper account) or Live (real orders with the keys in Key Vault).')
@allowed([
  'Paper'
  'Live'
])
param binanceMode string = 'Paper'

@description('Coinbase trading mode: Paper or Live.')
@allowed([
  'Paper'
  'Live'
])
param coinbaseMode string = 'Paper'

@description('Robinhood trading mode: Paper or Live.')
@allowed([
  'Paper'
  'Live'
])
param robinhoodMode string = 'Paper'

@description('Whether binance-api-key and binance-api-secret are in Key Vault (implied by Live).')
param binanceKeysInVault bool = false

@description('Whether coinbase-api-key and coinbase-api-secret are in Key Vault (implied by Live).')
param coinbaseKeysInVault bool = false

@description('Whether robinhood-api-key and robinhood-api-secret are in Key Vault (implied by Live).')
param robinhoodKeysInVault bool = false

@description('Route the app\'s outbound traffic through a NAT gateway with one static public IP (for venue API-key allow-lists).')
param enableStaticOutboundIp bool = false

@description('Address space of the virtual network (static outbound IP only).')
param virtualNetworkAddressPrefix string = '10.40.0.0/16'

@description('Integration subnet of the function app (static outbound IP only).')
param appSubnetAddressPrefix string = '10.40.1.0/24'

@description('Most instances the function app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per function app instance (MB).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Application (client) id of an Entra ID app registration with the app roles viewer and trader. Empty (the default): the API takes the key in Key Vault (api-key, created by the azd postprovision hook). Set: App Service authentication signs callers in with Entra ID and the app reads their roles.')
@maxLength(36)
param entraClientId string = ''

@description('default creates the Key Vault; recover restores a soft-deleted vault of the same name (after `azd down`).')
@allowed([
  'default'
  'recover'
])
param keyVaultCreateMode string = 'default'

var abbrs = loadJsonContent('abbreviations.json')
var topology = loadJsonContent('servicebus-topology.json')
var tunables = loadJsonContent('app-settings.json', '$.settings')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// Every name is known before deployment (what-if can predict the whole deployment): modules get names, not outputs.
var names = {
  resourceGroup: '${abbrs.resourcesResourceGroups}${environmentName}'
  identity: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
  workspace: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  hostStorage: '${abbrs.storageStorageAccounts}${resourceToken}'
  dataStorage: '${abbrs.storageStorageAccounts}tbl${resourceToken}'
  serviceBus: '${abbrs.serviceBusNamespaces}${resourceToken}'
  keyVault: '${abbrs.keyVaultVaults}${resourceToken}'
  virtualNetwork: '${abbrs.networkVirtualNetworks}${resourceToken}'
  natGateway: '${abbrs.networkNatGateways}${resourceToken}'
  publicIp: '${abbrs.networkPublicIPAddresses}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
  functionApp: '${abbrs.webSitesFunctions}${resourceToken}'
  deploymentContainer: 'app-package'
}

// Built-in roles, the only ones this deployment grants (never Owner, Contributor or User Access Administrator).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var venues = [
  {
    id: 'binance'
    mode: binanceMode
    keysInVault: binanceKeysInVault
  }
  {
    id: 'coinbase'
    mode: coinbaseMode
    keysInVault: coinbaseKeysInVault
  }
  {
    id: 'robinhood'
    mode: robinhoodMode
    keysInVault: robinhoodKeysInVault
  }
]

// The pipeline records a message as poison on the delivery Service Bus would dead-letter it; with differing
// subscription limits, the smallest (the topology test keeps them equal).
var maxDeliveryCount = min(map(flatten(map(topology.topics, topic => topic.subscriptions)), subscription => subscription.maxDeliveryCount))

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    workspaceName: names.workspace
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    principalName: names.identity
    metricsPublisherRoleId: roles.monitoringMetricsPublisher
  }
}

module hostStorage 'app/storage.bicep' = {
  name: 'host-storage'
  scope: resourceGroup
  params: {
    name: names.hostStorage
    location: location
    tags: tags
    blobContainers: [
      names.deploymentContainer
    ]
    principalId: identity.outputs.principalId
    principalName: names.identity
    roleDefinitionIds: [
      roles.storageBlobDataOwner
    ]
  }
}

module dataStorage 'app/storage.bicep' = {
  name: 'data-storage'
  scope: resourceGroup
  params: {
    name: names.dataStorage
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    principalName: names.identity
    roleDefinitionIds: [
      roles.storageTableDataContributor
    ]
    // The operator configures markets and strategies and inspects orders, fills and poison records.
    operatorPrincipalId: principalId
    operatorRoleDefinitionIds: [
      roles.storageTableDataContributor
    ]
  }
}

module serviceBus 'app/servicebus.bicep' = {
  name: 'service-bus'
  scope: resourceGroup
  params: {
    name: names.serviceBus
    location: location
    tags: tags
    topology: topology
    principalId: identity.outputs.principalId
    principalName: names.identity
    senderRoleId: roles.serviceBusDataSender
    receiverRoleId: roles.serviceBusDataReceiver
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'key-vault'
  scope: resourceGroup
  params: {
    name: names.keyVault
    location: location
    tags: tags
    createMode: keyVaultCreateMode
    principalId: identity.outputs.principalId
    principalName: names.identity
    operatorPrincipalId: principalId
    appRoleId: roles.keyVaultSecretsUser
    operatorRoleId: roles.keyVaultSecretsOfficer
  }
}

module network 'app/network.bicep' = if (enableStaticOutboundIp) {
  name: 'network'
  scope: resourceGroup
  params: {
    virtualNetworkName: names.virtualNetwork
    natGatewayName: names.natGateway
    publicIpName: names.publicIp
    location: location
    tags: tags
    addressPrefix: virtualNetworkAddressPrefix
    appSubnetPrefix: appSubnetAddressPrefix
  }
}

module functions 'app/functions.bicep' = {
  name: 'functions'
  scope: resourceGroup
  // The app starts only once its identity holds every role it needs (names, not outputs, are passed in).
  dependsOn: [
    monitoring
    hostStorage
    dataStorage
    keyVault
  ]
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityName: names.identity
    hostStorageName: names.hostStorage
    deploymentContainerName: names.deploymentContainer
    dataStorageName: names.dataStorage
    serviceBusNamespace: serviceBus.outputs.fullyQualifiedNamespace
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    subnetId: network.?outputs.appSubnetId ?? ''
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    venues: venues
    entraClientId: entraClientId
    maxDeliveryCount: maxDeliveryCount
    tunables: tunables
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output AZURE_FUNCTION_URI string = functions.outputs.uri
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output SERVICE_BUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output LOG_ANALYTICS_WORKSPACE_NAME string = monitoring.outputs.workspaceName
output STATIC_OUTBOUND_IP string = network.?outputs.outboundIp ?? ''
