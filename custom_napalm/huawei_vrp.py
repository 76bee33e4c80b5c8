"""`napalm.get_network_driver("huawei_vrp")`: cutover's Huawei VRP5 driver."""

from orchestrator.devices import get_driver

Driver = get_driver("huawei_vrp")
