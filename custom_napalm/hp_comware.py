"""`napalm.get_network_driver("hp_comware")`: cutover's H3C Comware 7 driver."""

from orchestrator.devices import get_driver

Driver = get_driver("hp_comware")
