// Service Bus Standard namespace (local SAS auth disabled) whose topics and subscriptions are exactly those of
// infra/servicebus-topology.json. The app identity may send to each topic and receive from each subscription; the
// roles are scoped to those entities, not to the namespace.

@description('Namespace name.')
param name string

@description('Azure region.')
param location string

@description('Tags for the namespace.')
param tags object

@description('Topics and subscriptions (infra/servicebus-topology.json).')
param topology object

@description('Name of the principal (the app identity), a stable part of the role assignment names.')
param principalName string

@description('Principal id of the app identity.')
param principalId string

@description('Role definition id of Azure Service Bus Data Sender (granted on each topic).')
param senderRoleId string

@description('Role definition id of Azure Service Bus Data Receiver (granted on each subscription).')
param receiverRoleId string

var subscriptions = flatten(map(
  range(0, length(topology.topics)),
  topicIndex => map(topology.topics[topicIndex].subscriptions, subscription => union(subscription, { topicIndex: topicIndex }))
))

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource topics 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = [
  for topic in topology.topics: {
    parent: namespace
    name: topic.name
    properties: {
      defaultMessageTimeToLive: topic.defaultMessageTimeToLive
      enableBatchedOperations: true
      maxSizeInMegabytes: 1024
      requiresDuplicateDetection: false
      supportOrdering: true
    }
  }
]

resource topicSubscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for subscription in subscriptions: {
    parent: topics[subscription.topicIndex]
    name: subscription.name
    properties: {
      lockDuration: subscription.lockDuration
      maxDeliveryCount: subscription.maxDeliveryCount
      defaultMessageTimeToLive: subscription.defaultMessageTimeToLive
      deadLetteringOnMessageExpiration: subscription.deadLetteringOnMessageExpiration
      deadLetteringOnFilterEvaluationExceptions: true
      requiresSession: false
      enableBatchedOperations: true
    }
  }
]

resource senders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (topic, i) in topology.topics: {
    name: guid(topics[i].id, principalName, senderRoleId)
    scope: topics[i]
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', senderRoleId)
    }
  }
]

resource receivers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (subscription, i) in subscriptions: {
    name: guid(topicSubscriptions[i].id, principalName, receiverRoleId)
    scope: topicSubscriptions[i]
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', receiverRoleId)
    }
  }
]

output name string = namespace.name
// serviceBusEndpoint is https://<namespace>.servicebus.windows.net:443/ in every cloud: keep the host name.
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '/')[2], ':')[0]
