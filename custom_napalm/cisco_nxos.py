"""`napalm.get_network_driver("cisco_nxos")`: cutover's Cisco NX-OS (CLI) driver."""

from orchestrator.devices import get_driver

Driver = get_driver("cisco_nxos")
