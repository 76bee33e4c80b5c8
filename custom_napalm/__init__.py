"""cutover's drivers where NAPALM looks for site-local ones.

`napalm.get_network_driver(name)` tries `custom_napalm.<name>` first, then `napalm.<name>`, then
`napalm_<name>`, and takes the first `NetworkDriver` subclass the module holds. So each module
here is named after a cutover platform and holds exactly one class, `Driver`, looked up in
`orchestrator.devices.DRIVERS`: `get_network_driver("huawei_vrp")`, and nornir_napalm with
`platform: huawei_vrp`, give cutover's driver. There is deliberately no `ios` module: NAPALM's
own IOS driver keeps its name.
"""
