"""`napalm.get_network_driver("huawei_vrpv8")`: cutover's Huawei VRP8 driver."""

from orchestrator.devices import get_driver

Driver = get_driver("huawei_vrpv8")
