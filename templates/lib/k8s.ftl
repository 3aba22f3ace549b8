<#-- Reusable fragments for Kubernetes YAML. Layout only: every decision is made in the plan. -->
<#-- How strings become YAML is decided in Java (YamlScalars), one rule for every generated file: -->
<#-- scalar: plain when every YAML reader (1.1 and 1.2) reads it back as the same string, else -->
<#-- double-quoted; q: always double-quoted; comment: text inside a comment, kept on its line. -->
<#function scalar value>
  <#return yamlScalar(value)>
</#function>
<#function q value>
  <#return yamlQuoted(value)>
</#function>
<#function comment value>
  <#return yamlComment(value)>
</#function>

<#-- A script shipped with the tool, as a block scalar indented by `indent` spaces. -->
<#macro script file indent>
<#assign text><#include "/scripts/" + file parse=false></#assign>
${text?trim?replace("(?m)^(?=.)", ""?left_pad(indent), "r")}
</#macro>

<#-- One container of a pod template, as a list item under containers/initContainers (8 spaces). -->
<#macro container c>
        - name: ${scalar(c.name)}
          image: ${scalar(c.image)}
<#if c.script.present>
<#assign s = c.script.get()>
          command:
            - /bin/sh
            - -c
            - |
<@script s.file 14/>
            - ${scalar(c.name)}
<#list s.arguments as argument>
            - ${q(argument)}
</#list>
<#else>
          args:
<#list c.args as argument>
            - ${q(argument)}
</#list>
</#if>
<#if c.restartPolicy.present>
          restartPolicy: ${scalar(c.restartPolicy.get())}
</#if>
<#if c.envFrom?has_content>
          envFrom:
<#list c.envFrom as source>
            - ${scalar(source.kind)}:
                name: ${scalar(source.name)}
</#list>
</#if>
<#if c.ports?has_content>
          ports:
<#list c.ports as port>
            - name: ${scalar(port.name)}
              containerPort: ${port.port?c}
              protocol: TCP
</#list>
</#if>
<#if c.env?has_content>
          env:
<#list c.env as variable>
            - name: ${scalar(variable.name)}
              value: ${q(variable.value)}
</#list>
</#if>
<#assign r = c.resources>
          resources:
            requests:
              cpu: ${q(r.requestsCpu)}
              memory: ${q(r.requestsMemory)}
            limits:
              cpu: ${q(r.limitsCpu)}
              memory: ${q(r.limitsMemory)}
<#assign sc = c.securityContext>
          securityContext:
            runAsUser: ${sc.runAsUser?c}
            runAsGroup: ${sc.runAsGroup?c}
            runAsNonRoot: ${sc.runAsNonRoot?c}
            allowPrivilegeEscalation: ${sc.allowPrivilegeEscalation()?c}
            readOnlyRootFilesystem: ${sc.readOnlyRootFilesystem()?c}
            capabilities:
              drop:
<#list sc.dropCapabilities() as capability>
                - ${scalar(capability)}
</#list>
<#if sc.addCapabilities?has_content>
              add:
<#list sc.addCapabilities as capability>
                - ${scalar(capability)}
</#list>
</#if>
            seccompProfile:
              type: ${scalar(sc.seccompProfile())}
<#if c.mounts?has_content>
          volumeMounts:
<#list c.mounts as mount>
            - name: ${scalar(mount.volume)}
              mountPath: ${q(mount.path)}
<#if mount.readOnly>
              readOnly: true
</#if>
</#list>
</#if>
</#macro>

<#-- One pod volume, as a list item under volumes (8 spaces). -->
<#macro volume v>
        - name: ${scalar(v.name)}
<#if v.configMap.present>
          configMap:
            name: ${scalar(v.configMap.get())}
<#else>
          emptyDir: {}
</#if>
</#macro>
