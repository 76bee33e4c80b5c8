"""`napalm.get_network_driver("cisco_ios")`: cutover's Cisco IOS and IOS-XE driver."""

from orchestrator.devices import get_driver

Driver = get_driver("cisco_ios")
