// Optional static outbound IP: a VNet whose integration subnet (delegated to Flex Consumption) sends all outbound
// traffic through a NAT gateway with one static public IP, the address to put on the venues' API-key allow-lists.

@description('Virtual network name.')
param virtualNetworkName string

@description('NAT gateway name.')
param natGatewayName string

@description('Public IP name.')
param publicIpName string

@description('Azure region.')
param location string

@description('Tags for the network resources.')
param tags object

@description('Address space of the virtual network.')
param addressPrefix string

@description('Address range of the function app integration subnet (a /27 or larger inside addressPrefix).')
param appSubnetPrefix string

resource publicIp 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: publicIpName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource natGateway 'Microsoft.Network/natGateways@2024-05-01' = {
  name: natGatewayName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    idleTimeoutInMinutes: 4
    publicIpAddresses: [
      {
        id: publicIp.id
      }
    ]
  }
}

resource virtualNetwork 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: virtualNetworkName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          defaultOutboundAccess: false
          natGateway: {
            id: natGateway.id
          }
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
    ]
  }
}

output appSubnetId string = virtualNetwork.properties.subnets[0].id
output outboundIp string = publicIp.properties.ipAddress
