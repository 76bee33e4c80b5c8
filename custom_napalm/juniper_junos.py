"""`napalm.get_network_driver("juniper_junos")`: cutover's Juniper Junos (CLI) driver."""

from orchestrator.devices import get_driver

Driver = get_driver("juniper_junos")
